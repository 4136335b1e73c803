package dev.tollgate.gate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tollgate.api.ServiceUnavailableException;
import dev.tollgate.delivery.DeploymentStatus;
import dev.tollgate.delivery.TestRun;
import dev.tollgate.metrics.MetricAggregate;
import dev.tollgate.metrics.MetricSelector;
import dev.tollgate.rules.GateFacts;

/**
 * The stores' answers to one evaluation's questions, all within one time budget: a question still
 * unanswered when the budget is spent throws, which makes the rules that needed it ERROR (STOP).
 *
 * <p>{@link #decide} runs the whole decision on {@code executor}, asking the stores as it goes, so
 * that the caller can stop waiting for a store that hangs (a stalled InfluxDB, a lock); the store's
 * own call is left to finish or time out by itself. When the budget runs out, the caller decides
 * again by itself over the answers recorded so far ({@link #asAnswered}): the decision is a pure
 * function of them, so only the rules that needed a missing answer differ, and they ERROR. One
 * handoff an evaluation, not one a question: under load each handoff waited for the executor's
 * threads to be scheduled (README, the gate's fifth round).
 */
final class StoreFacts implements GateFacts {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFacts.class);

    private final GateStores stores;
    private final Duration budget;
    private final long deadline;

    /** Guards {@link #answers}, {@link #asking} and {@link #closed} while the decision asks. */
    private final Object lock = new Object();
    /** Each question asked, by {@link #key}, with what its store answered or how it failed. */
    private final Map<List<Object>, Answer> answers;
    /** The question being asked, and of which store. */
    private Asking asking;
    /** Set once the caller stopped waiting: nothing more is recorded or asked. */
    private boolean closed;
    /** Null while asking; once the budget is spent, why an unrecorded question has no answer. */
    private final Function<Asking, RuntimeException> unanswered;

    private record Answer(Object value, RuntimeException failure) {
    }

    private record Asking(List<Object> key, String store) {
    }

    StoreFacts(GateStores stores, Duration budget) {
        this.stores = stores;
        this.budget = budget;
        this.deadline = System.nanoTime() + budget.toNanos();
        this.answers = new HashMap<>();
        this.unanswered = null;
    }

    private StoreFacts(StoreFacts asked, Map<List<Object>, Answer> answers, Function<Asking, RuntimeException> unanswered) {
        this.stores = asked.stores;
        this.budget = asked.budget;
        this.deadline = asked.deadline;
        this.answers = answers;
        this.unanswered = unanswered;
        this.closed = true;
    }

    /**
     * {@code decision} over the stores' answers, run on {@code executor} and waited for at most
     * {@code budget}; after that, decided again on the caller's thread over the answers recorded
     * in time. A failure of the decision itself (not of a store) is passed on as it is.
     */
    static <T> T decide(ExecutorService executor, GateStores stores, Duration budget, Function<GateFacts, T> decision) {
        StoreFacts facts = new StoreFacts(stores, budget);
        Future<T> decided = executor.submit(() -> decision.apply(facts));
        try {
            return decided.get(facts.deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // Never interrupt the store's thread: an interrupted write or read can close an
            // embedded database's file. The abandoned question finishes, or times out, alone.
            decided.cancel(false);
            return decision.apply(facts.asAnswered(
                    asking -> new StoreTimeoutException(asking.store() + " did not answer within " + seconds(budget)),
                    facts::notAsked));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            decided.cancel(false);
            return decision.apply(facts.asAnswered(
                    asking -> new StoreTimeoutException("the evaluation was interrupted while asking " + asking.store()),
                    store -> new StoreTimeoutException(store + " was not asked: the evaluation was interrupted")));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public Double aggregate(MetricQuestion question) {
        MetricSelector selector = question.team() != null ? MetricSelector.ofTeam(question.metric(), question.team())
                : MetricSelector.ofService(question.metric(), question.service(), question.stage());
        MetricAggregate aggregate = ask("the metric store", key("aggregate", question), () -> stores.metrics()
                .aggregate(selector, question.aggregation(), question.from(), question.to()));
        return aggregate.value();
    }

    @Override
    public Optional<Instant> succeededAt(String service, String stage, String version) {
        return ask("the deployment store", key("succeeded", service, stage, version),
                () -> stores.deployments().succeededAt(service, stage, version));
    }

    @Override
    public List<TestRun> latestTestRuns(String service, String stage, String version) {
        return ask("the test-run store", key("tests", service, stage, version),
                () -> stores.testRuns().latestPerSuite(service, stage, version));
    }

    @Override
    public List<DeploymentStatus> finishedStatuses(String service, String stage, Instant from, Instant to) {
        return ask("the deployment store", key("finished", service, stage, from, to),
                () -> stores.deployments().finishedStatusesBetween(service, stage, from, to));
    }

    @Override
    public List<String> thresholdFailuresSince(String service, String stage, Instant since) {
        return ask("the gate's history", key("failures", service, stage, since),
                () -> stores.evaluations().thresholdFailuresSince(service, stage, since));
    }

    /**
     * These facts as they stood when the caller stopped waiting: the recorded answers, for the
     * question then being asked the failure {@code stopped} names, and for any other the failure
     * {@code notAsked} names for its store.
     */
    private StoreFacts asAnswered(Function<Asking, RuntimeException> stopped, Function<String, RuntimeException> notAsked) {
        synchronized (lock) {
            closed = true;
            Asking late = asking;
            return new StoreFacts(this, new HashMap<>(answers), question -> question.equals(late) ? stopped.apply(question)
                    : notAsked.apply(question.store()));
        }
    }

    private static List<Object> key(Object... question) {
        // Arrays.asList: value equality, and room for the nulls a question may hold.
        return Arrays.asList(question);
    }

    @SuppressWarnings("unchecked")
    private <T> T ask(String store, List<Object> key, Supplier<T> question) {
        Asking asked = new Asking(key, store);
        if (unanswered != null) {
            Answer answer = answers.get(key);
            if (answer == null) {
                throw unanswered.apply(asked);
            }
            if (answer.failure() != null) {
                throw answer.failure();
            }
            return (T) answer.value();
        }
        synchronized (lock) {
            if (closed || System.nanoTime() - deadline >= 0) {
                throw notAsked(store);
            }
            asking = asked;
        }
        try {
            T value = question.get();
            record(key, new Answer(value, null));
            return value;
        } catch (ServiceUnavailableException unavailable) {
            // Our own "unavailable" messages name the store's state.
            record(key, new Answer(null, unavailable));
            throw unavailable;
        } catch (RuntimeException e) {
            // Any other (SQL, a driver's words) stays in the log and the caller reads which store failed.
            LOG.warn("The gate could not read {}", store, e);
            StoreFailureException failure = new StoreFailureException(store + " could not be read");
            record(key, new Answer(null, failure));
            throw failure;
        }
    }

    private void record(List<Object> key, Answer answer) {
        synchronized (lock) {
            if (!closed) {
                answers.put(key, answer);
                asking = null;
            }
        }
    }

    private StoreTimeoutException notAsked(String store) {
        return new StoreTimeoutException(store + " was not asked: the gate's " + seconds(budget) + " for the stores was spent");
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString() + " s";
    }

    /** A store that failed to answer: the message is the reason the gate gives. */
    static final class StoreFailureException extends RuntimeException {

        StoreFailureException(String message) {
            super(message);
        }
    }

    /** A store that did not answer in time: the message is the reason the gate gives. */
    static final class StoreTimeoutException extends RuntimeException {

        StoreTimeoutException(String message) {
            super(message);
        }
    }
}
