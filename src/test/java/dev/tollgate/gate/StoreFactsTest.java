package dev.tollgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tollgate.catalog.Aggregation;
import dev.tollgate.metrics.MetricAggregate;
import dev.tollgate.metrics.MetricPoint;
import dev.tollgate.metrics.MetricSelector;
import dev.tollgate.metrics.MetricStore;
import dev.tollgate.metrics.MetricStoreUnavailableException;
import dev.tollgate.metrics.SeriesPoint;
import dev.tollgate.rules.GateFacts;
import dev.tollgate.rules.GateFacts.MetricQuestion;

/** The stores' answers within the gate's time budget: a store that hangs or fails never hangs the gate or leaks its words. */
class StoreFactsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final MetricQuestion ERRORS = question("errors");
    private static final MetricQuestion LATENCY = question("latency_ms");
    private static final MetricQuestion REQUESTS = question("requests");

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    /** How often the store was asked, by metric. */
    private final List<String> asked = new ArrayList<>();

    @AfterEach
    void close() {
        executor.shutdownNow();
    }

    private static MetricQuestion question(String metric) {
        return new MetricQuestion(metric, Aggregation.SUM, NOW.minusSeconds(3600), NOW, "checkout", "gamma", null);
    }

    /** A metric store that answers each metric with {@code answer}. */
    private GateStores stores(Function<String, MetricAggregate> answer) {
        MetricStore store = new MetricStore() {
            @Override
            public void write(List<MetricPoint> points) {
                throw new UnsupportedOperationException();
            }

            @Override
            public MetricAggregate aggregate(MetricSelector selector, Aggregation aggregation, Instant from, Instant to) {
                synchronized (asked) {
                    asked.add(selector.metric());
                }
                return answer.apply(selector.metric());
            }

            @Override
            public List<SeriesPoint> series(MetricSelector selector, Aggregation aggregation, Instant from, Instant to,
                    Duration step) {
                throw new UnsupportedOperationException();
            }
        };
        return new GateStores(store, null, null, null);
    }

    /** {@link #figures} decided by {@link StoreFacts#decide} within {@code budget}. */
    private List<String> figuresWithin(GateStores stores, Duration budget, MetricQuestion... questions) {
        return StoreFacts.decide(executor, stores, budget, facts -> figures(facts, questions));
    }

    /** Each question's figure, or the message of its failure, as the rules would see them. */
    private static List<String> figures(GateFacts facts, MetricQuestion... questions) {
        List<String> figures = new ArrayList<>();
        for (MetricQuestion question : questions) {
            try {
                figures.add(String.valueOf(facts.aggregate(question)));
            } catch (RuntimeException e) {
                figures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return figures;
    }

    private static MetricAggregate hang() {
        pause(Duration.ofSeconds(10));
        return new MetricAggregate(1.0, 1);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void answers_what_the_store_answers() {
        GateStores stores = stores(metric -> metric.equals("errors") ? new MetricAggregate(14.0, 3) : MetricAggregate.EMPTY);

        assertThat(figuresWithin(stores, Duration.ofSeconds(1), ERRORS, LATENCY))
                .containsExactly("14.0", "null");
    }

    @Test
    void a_store_that_hangs_is_given_up_when_the_budget_is_spent_keeping_what_was_answered_before() {
        AtomicInteger hung = new AtomicInteger();
        GateStores stores = stores(metric -> {
            if (metric.equals("latency_ms")) {
                hung.incrementAndGet();
                return hang();
            }
            return new MetricAggregate(14.0, 3);
        });
        long started = System.nanoTime();

        List<String> figures = StoreFacts.decide(executor, stores, Duration.ofMillis(200),
                facts -> figures(facts, ERRORS, LATENCY, REQUESTS));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        // The budget is the evaluation's, not each question's: once spent, nothing more is asked.
        assertThat(figures).containsExactly("14.0", "StoreTimeoutException: the metric store did not answer within 0.2 s",
                "StoreTimeoutException: the metric store was not asked: the gate's 0.2 s for the stores was spent");
        // Decided again over the answers in hand, without asking the stores a second time.
        assertThat(hung).hasValue(1);
        synchronized (asked) {
            assertThat(asked).containsExactly("errors", "latency_ms");
        }
    }

    @Test
    void a_decision_that_spends_the_budget_between_questions_asks_nothing_more() {
        GateStores stores = stores(metric -> new MetricAggregate(14.0, 3));

        List<String> figures = StoreFacts.decide(executor, stores, Duration.ofMillis(100), facts -> {
            List<String> first = figures(facts, ERRORS);
            pause(Duration.ofMillis(300));
            first.addAll(figures(facts, LATENCY));
            return first;
        });

        assertThat(figures).containsExactly("14.0",
                "StoreTimeoutException: the metric store was not asked: the gate's 0.1 s for the stores was spent");
    }

    @Test
    void a_failing_store_is_named_without_its_own_words() {
        GateStores stores = stores(metric -> {
            throw new IllegalStateException("SQL [select * from metric_hour where ...]; table locked");
        });

        assertThat(figuresWithin(stores, Duration.ofSeconds(1), ERRORS))
                .containsExactly("StoreFailureException: the metric store could not be read");
    }

    @Test
    void an_unavailable_store_keeps_its_reason() {
        GateStores stores = stores(metric -> {
            throw new MetricStoreUnavailableException("InfluxDB could not read metrics: it cannot be reached", null);
        });

        assertThat(figuresWithin(stores, Duration.ofSeconds(1), ERRORS))
                .singleElement().asString().startsWith("MetricStoreUnavailableException").contains("it cannot be reached");
    }

    @Test
    void failures_recorded_before_the_budget_ran_out_are_given_again_when_deciding_without_the_stores() {
        GateStores stores = stores(metric -> switch (metric) {
            case "errors" -> throw new IllegalStateException("connection reset");
            case "latency_ms" -> hang();
            default -> new MetricAggregate(1.0, 1);
        });

        assertThat(figuresWithin(stores, Duration.ofMillis(200), ERRORS, LATENCY))
                .containsExactly("StoreFailureException: the metric store could not be read",
                        "StoreTimeoutException: the metric store did not answer within 0.2 s");
    }

    @Test
    void an_asker_interrupted_while_a_store_hangs_decides_at_once_and_stays_interrupted() throws Exception {
        CountDownLatch hanging = new CountDownLatch(1);
        GateStores stores = stores(metric -> {
            if (metric.equals("latency_ms")) {
                hanging.countDown();
                return hang();
            }
            return new MetricAggregate(14.0, 3);
        });
        AtomicReference<List<String>> figures = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        // A budget far longer than the test waits: only the interrupt can end the wait.
        Thread asker = Thread.ofPlatform().start(() -> {
            figures.set(figuresWithin(stores, Duration.ofSeconds(30), ERRORS, LATENCY, REQUESTS));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        assertThat(hanging.await(5, TimeUnit.SECONDS)).isTrue();
        long interrupted = System.nanoTime();

        asker.interrupt();
        asker.join(Duration.ofSeconds(5));

        assertThat(asker.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - interrupted)).isLessThan(Duration.ofSeconds(2));
        assertThat(figures.get()).containsExactly("14.0",
                "StoreTimeoutException: the evaluation was interrupted while asking the metric store",
                "StoreTimeoutException: the metric store was not asked: the evaluation was interrupted");
        // The interrupt is the caller's to see (a shutdown, say), not swallowed here.
        assertThat(stillInterrupted).isTrue();
        synchronized (asked) {
            assertThat(asked).containsExactly("errors", "latency_ms");
        }
    }

    @Test
    void a_failure_of_the_decision_itself_is_passed_on() {
        GateStores stores = stores(metric -> new MetricAggregate(1.0, 1));

        assertThatThrownBy(() -> StoreFacts.decide(executor, stores, Duration.ofSeconds(1), facts -> {
            throw new IllegalArgumentException("a bug in a rule");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("a bug in a rule");
    }
}
