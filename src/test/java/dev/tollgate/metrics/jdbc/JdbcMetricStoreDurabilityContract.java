package dev.tollgate.metrics.jdbc;

import static dev.tollgate.catalog.Aggregation.COUNT;
import static dev.tollgate.catalog.Aggregation.LAST;
import static dev.tollgate.catalog.Aggregation.MAX;
import static dev.tollgate.catalog.Aggregation.P99;
import static dev.tollgate.catalog.Aggregation.SUM;
import static dev.tollgate.db.Tables.METRIC_BATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jooq.DSLContext;
import org.jooq.TransactionContext;
import org.jooq.TransactionListener;
import org.jooq.impl.DefaultTransactionListenerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.tollgate.catalog.Aggregation;
import dev.tollgate.metrics.MetricAggregate;
import dev.tollgate.metrics.MetricPoint;
import dev.tollgate.metrics.MetricSelector;
import dev.tollgate.metrics.MetricStoreUnavailableException;
import dev.tollgate.metrics.SeriesPoint;
import dev.tollgate.testing.MovableClock;
import dev.tollgate.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What the embedded store promises beyond the contract: restarts and crashes lose nothing and
 * count nothing twice, concurrent writers lose nothing, retention deletes what it should, the
 * database refusing a write stores nothing, and its resolution rules. On a pool of connections,
 * as the application runs it; run on H2 and on PostgreSQL. Its crashes and restarts are new
 * instances beside the old ones in one JVM, whose sessions outlive them: so without the lock that
 * keeps a second instance off the database (SoleInstanceLockOnPostgresIT tests it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcMetricStoreDurabilityContract {

    private static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private PooledTestDatabase database;
    private TestAbortedException unavailable;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-10T00:00:00Z"));
    private SimpleMeterRegistry meters;

    abstract TestDatabase openDatabase();

    @BeforeAll
    void open() {
        try {
            database = PooledTestDatabase.on(openDatabase());
        } catch (TestAbortedException e) {
            unavailable = e;
        }
    }

    @AfterAll
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void rollUpWhatEarlierTestsLeft() {
        if (unavailable != null) {
            Assumptions.abort(unavailable.getMessage());
        }
        new JdbcMetricStore(database.dsl(), clock, MetricStoreProperties.DEFAULTS, new SimpleMeterRegistry(), SoleInstanceLock.notTaken()).flush();
        meters = new SimpleMeterRegistry();
    }

    @Test
    void flushed_rollups_answer_the_same_after_a_restart() {
        JdbcMetricStore store = store();
        String service = unique();
        store.write(spread(service, 2_000, 7));
        Figures before = Figures.of(store, service);

        assertThat(store.flush()).isEqualTo(1);
        assertThat(store.pendingBatches()).isZero();
        assertThat(Figures.of(store, service)).isEqualTo(before);

        JdbcMetricStore restarted = store();
        assertThat(restarted.pendingBatches()).isZero();
        assertThat(Figures.of(restarted, service)).isEqualTo(before);
    }

    @Test
    void a_crash_before_the_flush_replays_the_batches_not_rolled_up_and_counts_nothing_twice() {
        JdbcMetricStore store = store();
        String service = unique();
        store.write(spread(service, 1_000, 1));
        store.flush();
        store.write(spread(service, 1_000, 2));
        store.write(spread(service, 500, 3));
        Figures before = Figures.of(store, service);
        assertThat(before.count()).isEqualTo(2_500);

        // The instance dies with two batches only in memory; the next one replays just those.
        JdbcMetricStore replayed = store();
        assertThat(replayed.pendingBatches()).isEqualTo(2);
        assertThat(Figures.of(replayed, service)).isEqualTo(before);

        replayed.flush();
        assertThat(Figures.of(store(), service)).isEqualTo(before);
    }

    @Test
    void a_flush_the_database_refuses_keeps_its_batches_for_the_next_flush() {
        JdbcMetricStore store = store();
        String service = unique();
        store.write(spread(service, 1_000, 4));
        store.flush();
        store.write(spread(service, 1_000, 5));
        Figures before = Figures.of(store, service);

        database.execute("alter table metric_rollup rename to metric_rollup_away");
        try {
            assertThatThrownBy(store::flush).isInstanceOf(MetricStoreUnavailableException.class).hasCauseInstanceOf(
                    RuntimeException.class);
            store.write(spread(service, 300, 6));
        } finally {
            database.execute("alter table metric_rollup_away rename to metric_rollup");
        }
        Figures after = Figures.of(store, service);
        assertThat(after.count()).isEqualTo(before.count() + 300);
        assertThat(store().pendingBatches()).as("batches a restart replays").isEqualTo(2);

        assertThat(store.flush()).isEqualTo(2);
        assertThat(Figures.of(store, service)).isEqualTo(after);
        assertThat(Figures.of(store(), service)).isEqualTo(after);
    }

    @Test
    void a_flush_whose_commit_was_not_acknowledged_is_not_counted_twice() {
        AtomicBoolean loseAnswer = new AtomicBoolean();
        TransactionListener lostAnswer = new TransactionListener() {
            @Override
            public void commitEnd(TransactionContext context) {
                if (loseAnswer.getAndSet(false)) {
                    throw new IllegalStateException("Connection reset after the commit");
                }
            }
        };
        DSLContext flaky = database.dsl().configuration()
                .derive(new DefaultTransactionListenerProvider(lostAnswer)).dsl();
        JdbcMetricStore store = new JdbcMetricStore(flaky, clock, MetricStoreProperties.DEFAULTS, meters, SoleInstanceLock.notTaken());
        String service = unique();
        store.write(spread(service, 1_000, 8));
        store.flush();
        store.write(spread(service, 1_000, 9));
        Figures expected = Figures.of(store, service);

        loseAnswer.set(true);
        assertThatThrownBy(store::flush).isInstanceOf(MetricStoreUnavailableException.class);
        // The next flush finds the batches rolled up and drops them from memory.
        store.flush();

        assertThat(Figures.of(store, service)).isEqualTo(expected);
        assertThat(store.pendingBatches()).isZero();
        assertThat(Figures.of(store(), service)).isEqualTo(expected);
    }

    @Test
    void a_read_while_a_flush_commits_sees_every_batch_once() throws Exception {
        AtomicBoolean readNow = new AtomicBoolean();
        AtomicReference<JdbcMetricStore> subject = new AtomicReference<>();
        AtomicReference<CompletableFuture<Long>> duringCommit = new AtomicReference<>();
        String service = unique();
        MetricSelector selector = MetricSelector.ofService("requests", service, "prod");
        TransactionListener readAfterCommit = new TransactionListener() {
            @Override
            public void commitEnd(TransactionContext context) {
                if (readNow.getAndSet(false)) {
                    // The rows are committed; the flush has not yet dropped the batches from memory.
                    CompletableFuture<Long> read = CompletableFuture.supplyAsync(
                            () -> subject.get().aggregate(selector, COUNT, TEN, TEN.plus(Duration.ofHours(3))).count());
                    duringCommit.set(read);
                    try {
                        read.get(300, TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.TimeoutException waitsForTheFlush) {
                        // As it should: the read waits until the flush is done.
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        JdbcMetricStore store = new JdbcMetricStore(database.dsl().configuration()
                .derive(new DefaultTransactionListenerProvider(readAfterCommit)).dsl(), clock,
                MetricStoreProperties.DEFAULTS, meters, SoleInstanceLock.notTaken());
        subject.set(store);
        store.write(spread(service, 1_000, 16));
        store.write(spread(service, 1_000, 17));
        store.flush();
        store.write(spread(service, 500, 18));

        readNow.set(true);
        store.flush();

        assertThat(duringCommit.get().get(5, TimeUnit.SECONDS)).isEqualTo(2_500);
    }

    @Test
    void concurrent_writers_lose_nothing_while_flushes_and_reads_run() throws Exception {
        JdbcMetricStore store = store();
        String service = unique();
        int writers = 6;
        int batches = 30;
        int points = 400;
        MetricSelector selector = MetricSelector.ofService("requests", service, "prod");
        ExecutorService threads = Executors.newFixedThreadPool(writers + 2);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<String> readProblem = new AtomicReference<>();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int seed = writer;
                running.add(threads.submit(() -> {
                    for (int batch = 0; batch < batches; batch++) {
                        store.write(spread(service, points, seed * 1_000 + batch));
                    }
                }));
            }
            Future<?> flusher = threads.submit(() -> {
                while (writing.get()) {
                    store.flush();
                    sleep(15);
                }
            });
            // Every read is one consistent view: the count never goes down, never exceeds what
            // was written, and a batch is never seen both in memory and in the rows.
            Future<?> reader = threads.submit(() -> {
                long previous = 0;
                while (writing.get()) {
                    long count = store.aggregate(selector, COUNT, TEN, TEN.plus(Duration.ofHours(3))).count();
                    if (count < previous || count > (long) writers * batches * points || count % points != 0) {
                        readProblem.compareAndSet(null, "read " + count + " after " + previous);
                    }
                    previous = count;
                }
            });
            for (Future<?> writer : running) {
                writer.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            flusher.get(1, TimeUnit.MINUTES);
            reader.get(1, TimeUnit.MINUTES);
        } finally {
            writing.set(false);
            threads.shutdownNow();
        }

        assertThat(readProblem.get()).isNull();
        long total = (long) writers * batches * points;
        assertThat(Figures.of(store, service).count()).isEqualTo(total);
        store.flush();
        assertThat(Figures.of(store, service).count()).isEqualTo(total);
        assertThat(Figures.of(store(), service).count()).isEqualTo(total);
    }

    @Test
    void retention_deletes_rolled_up_batches_and_hours_past_their_time() {
        try (PooledTestDatabase own = PooledTestDatabase.on(openDatabase())) {
            Instant start = Instant.parse("2026-03-01T00:00:00Z");
            Instant retention = start.plus(Duration.ofDays(7)).plusSeconds(1);
            MovableClock time = new MovableClock(start);
            JdbcMetricStore store = new JdbcMetricStore(own.dsl(), time, MetricStoreProperties.DEFAULTS, meters, SoleInstanceLock.notTaken());
            MetricSelector selector = MetricSelector.ofService("requests", "checkout", "prod");
            // Received at the start and rolled up: two values of an hour 401 days before the
            // retention runs, one 399 days before.
            Instant oldHour = retention.minus(Duration.ofDays(401));
            store.write(List.of(point("checkout", oldHour, 1), point("checkout", oldHour.plusSeconds(59 * 60), 2),
                    point("checkout", retention.minus(Duration.ofDays(399)), 4)));
            store.flush();
            // Received at the start by an instance that crashed before its flush: not rolled up.
            new JdbcMetricStore(own.dsl(), time, MetricStoreProperties.DEFAULTS, new SimpleMeterRegistry(), SoleInstanceLock.notTaken())
                    .write(List.of(point("checkout", start, 8)));
            // Received a day later and rolled up; and one received at the end, not rolled up yet.
            time.set(start.plus(Duration.ofDays(1)));
            store.write(List.of(point("checkout", start.plus(Duration.ofDays(1)), 16)));
            time.set(retention);
            store.flush();
            store.write(List.of(point("checkout", retention, 32)));
            assertThat(batchRows(own)).isEqualTo(4);
            // A window that cuts the old hour: reading it keeps the hour's row at hand.
            Instant cutsOldHour = oldHour.plus(Duration.ofMinutes(30));
            assertThat(store.aggregate(selector, SUM, cutsOldHour, oldHour.plus(Duration.ofHours(2))))
                    .isEqualTo(new MetricAggregate(2.0, 1));

            JdbcMetricStore.Retained retained = store.enforceRetention();

            // Only the first batch goes: the others are younger, or still to be replayed.
            assertThat(retained.batches()).isEqualTo(1);
            assertThat(batchRows(own)).isEqualTo(3);
            // The old hour of the series and of its service's and team's totals.
            assertThat(retained.hours()).isEqualTo(3);
            assertThat(store.aggregate(selector, SUM, oldHour.minus(Duration.ofDays(1)), oldHour.plus(Duration.ofDays(1))))
                    .isEqualTo(MetricAggregate.EMPTY);
            assertThat(store.aggregate(selector, SUM, cutsOldHour, oldHour.plus(Duration.ofHours(2))))
                    .isEqualTo(MetricAggregate.EMPTY);
            Instant longAgo = start.minus(Duration.ofDays(500));
            assertThat(store.aggregate(selector, SUM, longAgo, retention.plusSeconds(60)))
                    .isEqualTo(new MetricAggregate(4.0 + 16 + 32, 3));
            assertThat(new JdbcMetricStore(own.dsl(), time, MetricStoreProperties.DEFAULTS, new SimpleMeterRegistry(), SoleInstanceLock.notTaken())
                    .aggregate(selector, SUM, longAgo, retention.plusSeconds(60)))
                    .isEqualTo(new MetricAggregate(4.0 + 8 + 16 + 32, 4));
        }
    }

    @Test
    void retention_keeps_as_long_as_it_is_told() {
        try (PooledTestDatabase own = PooledTestDatabase.on(openDatabase())) {
            Instant now = Instant.parse("2026-03-01T12:30:00Z");
            MovableClock time = new MovableClock(now.minus(Duration.ofHours(2)));
            var properties = new MetricStoreProperties(Duration.ofSeconds(10), 20_000, 1_000_000, 50_000,
                    new MetricStoreProperties.Retention(Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(1)));
            JdbcMetricStore store = new JdbcMetricStore(own.dsl(), time, properties, meters, SoleInstanceLock.notTaken());
            MetricSelector selector = MetricSelector.ofService("requests", "checkout", null);
            // 08:00 to 12:00, one point an hour, received at 10:30: at 12:30 the batches are older
            // than an hour, and the hour of 08:00 ended before 09:30.
            for (int hour = 8; hour <= 12; hour++) {
                store.write(List.of(point("checkout", Instant.parse("2026-03-01T%02d:10:00Z".formatted(hour)), hour)));
            }
            store.flush();
            time.set(now);

            JdbcMetricStore.Retained retained = store.enforceRetention();

            assertThat(retained.batches()).isEqualTo(5);
            assertThat(store.aggregate(selector, SUM, now.minus(Duration.ofDays(1)), now))
                    .isEqualTo(new MetricAggregate(9.0 + 10 + 11 + 12, 4));
        }
    }

    @Test
    void a_write_the_database_refuses_answers_unavailable_and_stores_nothing() {
        JdbcMetricStore store = store();
        String service = unique();
        database.execute("alter table metric_batch rename to metric_batch_away");
        try {
            assertThatThrownBy(() -> store.write(spread(service, 100, 10)))
                    .isInstanceOf(MetricStoreUnavailableException.class)
                    .hasCauseInstanceOf(RuntimeException.class);
        } finally {
            database.execute("alter table metric_batch_away rename to metric_batch");
        }
        assertThat(Figures.of(store, service).count()).isZero();
        assertThat(store.pendingBatches()).isZero();

        store.write(spread(service, 100, 10));
        assertThat(Figures.of(store, service).count()).isEqualTo(100);
    }

    @Test
    void a_write_inside_a_transaction_is_refused_for_it_commits_on_its_own() {
        JdbcMetricStore store = store();
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> store.write(spread(unique(), 10, 11))).isInstanceOf(IllegalStateException.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
    }

    @Test
    void writers_wait_while_flushes_are_behind_and_go_on_once_one_ran() throws Exception {
        var properties = new MetricStoreProperties(Duration.ofSeconds(10), 2, 1_000_000, 50_000,
                MetricStoreProperties.Retention.DEFAULTS);
        JdbcMetricStore store = new JdbcMetricStore(database.dsl(), clock, properties, meters, SoleInstanceLock.notTaken());
        String service = unique();
        // Ten hours of one series (and its totals): far beyond five times two rows.
        store.write(spread(service, 600, 12, Duration.ofHours(10)));

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> store.write(spread(service, 10, 13)));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();

        store.flush();
        waiting.get(5, TimeUnit.SECONDS);
        assertThat(Figures.of(store, service).count()).isEqualTo(610);
    }

    @Test
    void reads_of_a_windows_edge_hours_see_every_flush_after_them() {
        JdbcMetricStore store = store();
        String service = unique();
        MetricSelector selector = MetricSelector.ofService("requests", service, "prod");
        // Both hours are cut by the window: the first at its start, the second at its end.
        Instant from = TEN.plus(Duration.ofMinutes(50));
        Instant to = TEN.plus(Duration.ofMinutes(70));
        assertThat(store.aggregate(selector, SUM, from, to)).isEqualTo(MetricAggregate.EMPTY);

        store.write(List.of(point(service, TEN.plus(Duration.ofMinutes(55)), 1)));
        store.flush();
        assertThat(store.aggregate(selector, SUM, from, to)).isEqualTo(new MetricAggregate(1.0, 1));

        // Into rows read before (the first hour) and rows known to be absent (the second).
        store.write(List.of(point(service, TEN.plus(Duration.ofMinutes(56)), 2),
                point(service, TEN.plus(Duration.ofMinutes(65)), 4)));
        store.flush();
        assertThat(store.aggregate(selector, SUM, from, to)).isEqualTo(new MetricAggregate(7.0, 3));
        assertThat(store.aggregate(selector, P99, from, to).value()).isCloseTo(4.0, within(0.05));
        assertThat(store().aggregate(selector, SUM, from, to)).isEqualTo(new MetricAggregate(7.0, 3));
    }

    @Test
    void windows_are_widened_to_whole_minutes() {
        JdbcMetricStore store = store();
        String service = unique();
        store.write(List.of(point(service, TEN.plusSeconds(10), 1), point(service, TEN.plusSeconds(70), 2)));
        MetricSelector selector = MetricSelector.ofService("requests", service, "prod");

        assertThat(store.aggregate(selector, SUM, TEN.plusSeconds(30), TEN.plusSeconds(50)).value()).isEqualTo(1);
        assertThat(store.aggregate(selector, SUM, TEN.minusSeconds(5), TEN.plusNanos(1_000)).value()).isEqualTo(1);
        assertThat(store.aggregate(selector, SUM, TEN.plusSeconds(30), TEN.plusSeconds(60)).value()).isEqualTo(1);
        assertThat(store.aggregate(selector, SUM, TEN.plusSeconds(30), TEN.plusSeconds(61)).value()).isEqualTo(3);
        assertThat(store.series(selector, SUM, TEN.plusSeconds(30), TEN.plusSeconds(90), Duration.ofMinutes(1)))
                .containsExactly(new SeriesPoint(TEN, 1), new SeriesPoint(TEN.plusSeconds(60), 2));
        // A rate is per second of the widened window.
        assertThat(store.aggregate(selector, Aggregation.RATE, TEN.plusSeconds(30), TEN.plusSeconds(50)).value())
                .isEqualTo(1 / 60.0);
    }

    @Test
    void a_step_must_be_a_whole_number_of_minutes_and_a_window_must_not_end_before_it_starts() {
        JdbcMetricStore store = store();
        MetricSelector selector = MetricSelector.ofService("requests", unique(), null);
        for (Duration step : List.of(Duration.ofSeconds(30), Duration.ofSeconds(90), Duration.ZERO,
                Duration.ofMinutes(-5))) {
            assertThatThrownBy(() -> store.series(selector, SUM, TEN, TEN.plusSeconds(3_600), step))
                    .as("step %s", step).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.aggregate(selector, SUM, TEN, TEN.minusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.series(selector, SUM, TEN, TEN.plusSeconds(3_600), Duration.ofMinutes(90))).isEmpty();
    }

    @Test
    void reports_write_latency_batch_sizes_pending_batches_and_flush_durations() {
        JdbcMetricStore store = store();
        String service = unique();
        store.write(spread(service, 100, 14));
        store.write(spread(service, 300, 15));

        assertThat(meters.get("tollgate.metrics.store.writes").timer().count()).isEqualTo(2);
        assertThat(meters.get("tollgate.metrics.store.batch.points").summary().totalAmount()).isEqualTo(400);
        assertThat(meters.get("tollgate.metrics.store.pending.batches").gauge().value()).isEqualTo(2);

        store.flush();

        assertThat(meters.get("tollgate.metrics.store.pending.batches").gauge().value()).isZero();
        assertThat(meters.get("tollgate.metrics.store.flushes").timer().count()).isEqualTo(1);
    }

    // Helpers.

    private JdbcMetricStore store() {
        return new JdbcMetricStore(database.dsl(), clock, MetricStoreProperties.DEFAULTS, meters, SoleInstanceLock.notTaken());
    }

    private static String unique() {
        return "service-" + SEQUENCE.incrementAndGet();
    }

    private static MetricPoint point(String service, Instant time, double value) {
        return new MetricPoint("requests", "payments", service, "prod", time, value, Map.of("host", "a"));
    }

    /** {@code count} values of one series, spread over three hours from ten o'clock. */
    private static List<MetricPoint> spread(String service, int count, long seed) {
        return spread(service, count, seed, Duration.ofHours(3));
    }

    private static List<MetricPoint> spread(String service, int count, long seed, Duration over) {
        Random random = new Random(seed);
        List<MetricPoint> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant time = TEN.plusMillis((long) (random.nextDouble() * over.toMillis()));
            points.add(point(service, time, Math.round(random.nextDouble() * 1_000) / 4.0));
        }
        return points;
    }

    private static long batchRows(PooledTestDatabase database) {
        return database.dsl().fetchCount(METRIC_BATCH);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The figures a user would look at, for comparing a store before and after. */
    private record Figures(long count, Double sum, Double max, Double last, Double p99, List<SeriesPoint> minutes,
            List<SeriesPoint> hours, MetricAggregate cutWindow) {

        static Figures of(JdbcMetricStore store, String service) {
            MetricSelector stage = MetricSelector.ofService("requests", service, "prod");
            MetricSelector all = MetricSelector.ofService("requests", service, null);
            Instant to = TEN.plus(Duration.ofHours(10));
            MetricAggregate sum = store.aggregate(all, SUM, TEN, to);
            return new Figures(sum.count(), sum.value(), store.aggregate(stage, MAX, TEN, to).value(),
                    store.aggregate(stage, LAST, TEN, to).value(), store.aggregate(all, P99, TEN, to).value(),
                    store.series(stage, SUM, TEN, TEN.plus(Duration.ofHours(1)), Duration.ofMinutes(1)),
                    store.series(all, COUNT, TEN, to, Duration.ofHours(1)),
                    store.aggregate(stage, SUM, TEN.plus(Duration.ofMinutes(17)), TEN.plus(Duration.ofMinutes(143))));
        }
    }
}
