package dev.tollgate.metrics.jdbc;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Runs the store's background work on a thread of its own: a flush every
 * {@code tollgate.metrics.flush-interval}, or sooner once {@code flush-rows}, {@code flush-points}
 * or {@code flush-minutes} wait in memory; retention every {@code tollgate.metrics.retention.interval}; and a last flush at shutdown, after
 * the web server has stopped taking writes (a lower phase stops later).
 */
@Component
@Conditional(InfluxNotConfigured.class)
class MetricStoreMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MetricStoreMaintenance.class);
    /** Below the web server's phases, so that it stops after the server stops and before the database closes. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
    private static final long CHECK_MILLIS = 200;

    private final JdbcMetricStore store;
    private ScheduledExecutorService executor;
    private long lastFlush;

    MetricStoreMaintenance(JdbcMetricStore store) {
        this.store = store;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "metric-store-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        lastFlush = System.nanoTime();
        executor.scheduleWithFixedDelay(this::flushWhenDue, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
        long retentionMillis = store.properties().retention().interval().toMillis();
        executor.scheduleWithFixedDelay(this::enforceRetention, Math.min(retentionMillis, 60_000), retentionMillis,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("Metric store maintenance did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            store.flush();
        } catch (RuntimeException e) {
            log.warn("Last flush of the metric rollups failed; the next start replays them", e);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void flushWhenDue() {
        boolean due = System.nanoTime() - lastFlush >= store.properties().flushInterval().toNanos();
        if (!due && !store.flushDue()) {
            return;
        }
        lastFlush = System.nanoTime();
        try {
            store.flush();
        } catch (RuntimeException e) {
            log.warn("Flush of the metric rollups failed; it is tried again", e);
        }
    }

    private void enforceRetention() {
        try {
            store.enforceRetention();
        } catch (RuntimeException e) {
            log.warn("Metric retention failed; it is tried again", e);
        }
    }
}
