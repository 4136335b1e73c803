package dev.tollgate.ingest;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.tollgate.api.ServiceUnavailableException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Bounds how many write requests are worked on at once. A request that finds no room within a
 * short wait is answered 429 with Retry-After instead of being queued without bound: a client
 * that retries later loses nothing, a server that buffers without bound loses everything.
 */
@Component
class IngestCapacity {

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Semaphore permits;
    private final int size;
    private final Duration wait;

    IngestCapacity(@Value("${tollgate.ingest.max-concurrent-writes:8}") int size,
            @Value("${tollgate.ingest.max-wait:PT0.5S}") Duration wait, MeterRegistry meters) {
        this.size = size;
        this.permits = new Semaphore(size, true);
        this.wait = wait;
        Gauge.builder("tollgate.ingest.in.flight", this, capacity -> capacity.size - capacity.permits.availablePermits())
                .description("Write requests being worked on").register(meters);
        Gauge.builder("tollgate.ingest.queue", permits, Semaphore::getQueueLength)
                .description("Write requests waiting for room").register(meters);
    }

    <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ServiceUnavailableException(429, "Tollgate is taking in as much as it can; retry shortly",
                    RETRY_AFTER, null);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
