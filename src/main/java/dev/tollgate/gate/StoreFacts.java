package dev.tollgate.gate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * The questions run on {@code executor} so that the caller can stop waiting for a store that
 * hangs (a stalled InfluxDB, a lock); the store's own call is left to finish or time out by itself.
 */
final class StoreFacts implements GateFacts {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFacts.class);

    private final GateStores stores;
    private final ExecutorService executor;
    private final Duration budget;
    private final long deadline;

    StoreFacts(GateStores stores, ExecutorService executor, Duration budget) {
        this.stores = stores;
        this.executor = executor;
        this.budget = budget;
        this.deadline = System.nanoTime() + budget.toNanos();
    }

    @Override
    public Double aggregate(MetricQuestion question) {
        MetricSelector selector = question.team() != null ? MetricSelector.ofTeam(question.metric(), question.team())
                : MetricSelector.ofService(question.metric(), question.service(), question.stage());
        MetricAggregate aggregate = within("the metric store", () -> stores.metrics().aggregate(selector,
                question.aggregation(), question.from(), question.to()));
        return aggregate.value();
    }

    @Override
    public Optional<Instant> succeededAt(String service, String stage, String version) {
        return within("the deployment store", () -> stores.deployments().succeededAt(service, stage, version));
    }

    @Override
    public List<TestRun> latestTestRuns(String service, String stage, String version) {
        return within("the test-run store", () -> stores.testRuns().latestPerSuite(service, stage, version));
    }

    @Override
    public List<DeploymentStatus> finishedStatuses(String service, String stage, Instant from, Instant to) {
        return within("the deployment store",
                () -> stores.deployments().finishedStatusesBetween(service, stage, from, to));
    }

    @Override
    public List<String> thresholdFailuresSince(String service, String stage, Instant since) {
        return within("the gate's history", () -> stores.evaluations().thresholdFailuresSince(service, stage, since));
    }

    private <T> T within(String store, Supplier<T> question) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new StoreTimeoutException(store + " was not asked: the gate's " + seconds(budget)
                    + " for the stores was spent");
        }
        Future<T> answer = executor.submit(question::get);
        try {
            return answer.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // Never interrupt the store's thread: an interrupted write or read can close an
            // embedded database's file. The abandoned question finishes, or times out, alone.
            answer.cancel(false);
            throw new StoreTimeoutException(store + " did not answer within " + seconds(budget));
        } catch (ExecutionException e) {
            // Our own "unavailable" messages name the store's state; any other (SQL, a driver's
            // words) stays in the log and the caller reads which store failed.
            if (e.getCause() instanceof ServiceUnavailableException unavailable) {
                throw unavailable;
            }
            LOG.warn("The gate could not read {}", store, e.getCause());
            throw new StoreFailureException(store + " could not be read");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(false);
            throw new StoreTimeoutException("the evaluation was interrupted while asking " + store);
        }
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
