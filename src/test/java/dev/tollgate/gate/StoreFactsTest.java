package dev.tollgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tollgate.catalog.Aggregation;
import dev.tollgate.metrics.MetricAggregate;
import dev.tollgate.metrics.MetricPoint;
import dev.tollgate.metrics.MetricSelector;
import dev.tollgate.metrics.MetricStore;
import dev.tollgate.metrics.MetricStoreUnavailableException;
import dev.tollgate.metrics.SeriesPoint;
import dev.tollgate.rules.GateFacts.MetricQuestion;

/** The stores' answers within the gate's time budget: a store that hangs or fails never hangs the gate or leaks its words. */
class StoreFactsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final MetricQuestion ERRORS = new MetricQuestion("errors", Aggregation.SUM, NOW.minusSeconds(3600), NOW,
            "checkout", "gamma", null);

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void close() {
        executor.shutdownNow();
    }

    private StoreFacts facts(Supplier<MetricAggregate> answer, Duration budget) {
        MetricStore store = new MetricStore() {
            @Override
            public void write(List<MetricPoint> points) {
                throw new UnsupportedOperationException();
            }

            @Override
            public MetricAggregate aggregate(MetricSelector selector, Aggregation aggregation, Instant from, Instant to) {
                return answer.get();
            }

            @Override
            public List<SeriesPoint> series(MetricSelector selector, Aggregation aggregation, Instant from, Instant to,
                    Duration step) {
                throw new UnsupportedOperationException();
            }
        };
        return new StoreFacts(new GateStores(store, null, null, null), executor, budget);
    }

    @Test
    void answers_what_the_store_answers() {
        assertThat(facts(() -> new MetricAggregate(14.0, 3), Duration.ofSeconds(1)).aggregate(ERRORS)).isEqualTo(14.0);
        assertThat(facts(() -> MetricAggregate.EMPTY, Duration.ofSeconds(1)).aggregate(ERRORS)).isNull();
    }

    @Test
    void a_store_that_hangs_is_given_up_when_the_budget_is_spent() {
        StoreFacts facts = facts(() -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new MetricAggregate(1.0, 1);
        }, Duration.ofMillis(200));
        long started = System.nanoTime();

        assertThatThrownBy(() -> facts.aggregate(ERRORS)).isInstanceOf(StoreFacts.StoreTimeoutException.class)
                .hasMessage("the metric store did not answer within 0.2 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        // The budget is the evaluation's, not each question's: once spent, nothing more is asked.
        assertThatThrownBy(() -> facts.aggregate(ERRORS)).hasMessageContaining("was not asked");
    }

    @Test
    void a_failing_store_is_named_without_its_own_words() {
        StoreFacts facts = facts(() -> {
            throw new IllegalStateException("SQL [select * from metric_hour where ...]; table locked");
        }, Duration.ofSeconds(1));

        assertThatThrownBy(() -> facts.aggregate(ERRORS)).isInstanceOf(StoreFacts.StoreFailureException.class)
                .hasMessage("the metric store could not be read");
    }

    @Test
    void an_unavailable_store_keeps_its_reason() {
        StoreFacts facts = facts(() -> {
            throw new MetricStoreUnavailableException("InfluxDB could not read metrics: it cannot be reached", null);
        }, Duration.ofSeconds(1));

        assertThatThrownBy(() -> facts.aggregate(ERRORS)).isInstanceOf(MetricStoreUnavailableException.class)
                .hasMessageContaining("it cannot be reached");
    }
}
