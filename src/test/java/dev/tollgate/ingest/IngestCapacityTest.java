package dev.tollgate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.tollgate.api.ServiceUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class IngestCapacityTest {

    @Test
    void answers_429_with_retry_after_when_every_permit_is_taken() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        IngestCapacity capacity = new IngestCapacity(1, Duration.ofMillis(50), meters);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> first = executor.submit(() -> capacity.run(() -> {
                holding.countDown();
                await(release);
                return 1;
            }));
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(meters.get("tollgate.ingest.in.flight").gauge().value()).isEqualTo(1.0);

            assertThatThrownBy(() -> capacity.run(() -> 2))
                    .isInstanceOfSatisfying(ServiceUnavailableException.class, refused -> {
                        assertThat(refused.status()).isEqualTo(429);
                        assertThat(refused.retryAfter()).isPositive();
                    });

            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(capacity.run(() -> 3)).isEqualTo(3);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void frees_the_permit_when_the_work_fails() {
        IngestCapacity capacity = new IngestCapacity(1, Duration.ofMillis(50), new SimpleMeterRegistry());
        assertThatThrownBy(() -> capacity.run(() -> {
            throw new IllegalStateException("store down");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(capacity.run(() -> "free again")).isEqualTo("free again");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
