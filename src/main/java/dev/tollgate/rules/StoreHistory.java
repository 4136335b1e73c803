package dev.tollgate.rules;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tollgate.api.ServiceUnavailableException;
import dev.tollgate.delivery.Deployment;
import dev.tollgate.delivery.DeploymentStatus;
import dev.tollgate.delivery.Deployments;
import dev.tollgate.delivery.TestRun;
import dev.tollgate.delivery.TestRuns;
import dev.tollgate.metrics.MetricSelector;
import dev.tollgate.metrics.MetricStore;

/**
 * The stores read as they stood at past moments, for one backtest: deployments and test runs
 * reported for later times had not happened yet. A store that fails makes the step that asked
 * ERROR, as the gate would have; its reason (a driver's words) is logged once per backtest, not
 * at every step, and the step names only the store.
 */
final class StoreHistory {

    private static final Logger LOG = LoggerFactory.getLogger(StoreHistory.class);

    private final MetricStore metrics;
    private final Deployments deployments;
    private final TestRuns testRuns;
    private boolean failureLogged;

    StoreHistory(MetricStore metrics, Deployments deployments, TestRuns testRuns) {
        this.metrics = metrics;
        this.deployments = deployments;
        this.testRuns = testRuns;
    }

    /** The stores as the gate would have found them at {@code at}. */
    PastFacts at(Instant at) {
        return new Moment(at);
    }

    private final class Moment implements PastFacts {

        private final Instant at;
        /** By service and stage: the version and whether it had succeeded are both read from it, once per step. */
        private final Map<List<String>, Optional<Deployment>> newest = new HashMap<>();

        Moment(Instant at) {
            this.at = at;
        }

        @Override
        public Double aggregate(MetricQuestion question) {
            MetricSelector selector = question.team() != null ? MetricSelector.ofTeam(question.metric(), question.team())
                    : MetricSelector.ofService(question.metric(), question.service(), question.stage());
            return read("the metric store",
                    () -> metrics.aggregate(selector, question.aggregation(), question.from(), question.to()).value());
        }

        @Override
        public Optional<String> deployedVersion(String service, String stage) {
            return newest(service, stage).map(Deployment::version);
        }

        @Override
        public Optional<Instant> succeededAt(String service, String stage, String version) {
            return newest(service, stage)
                    .filter(deployment -> deployment.version().equals(version)
                            && deployment.status() == DeploymentStatus.SUCCEEDED)
                    .map(Deployment::time);
        }

        @Override
        public List<TestRun> latestTestRuns(String service, String stage, String version) {
            return version == null ? List.of()
                    : read("the test-run store", () -> testRuns.latestPerSuite(service, stage, version, at));
        }

        @Override
        public List<DeploymentStatus> finishedStatuses(String service, String stage, Instant from, Instant to) {
            // Each as it stood then: a rollback reported later had not failed the change yet.
            return read("the deployment store", () -> deployments.finishedBetween(service, stage, from, to)).stream()
                    .map(deployment -> deployment.asOf(at).status()).toList();
        }

        /**
         * None: a backtest has no gate history of its own (what the gate stored then was decided by
         * other rules), so PROMOTION_ORDER is judged on the source stage's deployments alone.
         */
        @Override
        public List<String> thresholdFailuresSince(String service, String stage, Instant since) {
            return List.of();
        }

        private Optional<Deployment> newest(String service, String stage) {
            List<String> key = List.of(service, stage);
            Optional<Deployment> known = newest.get(key);
            if (known == null) {
                known = read("the deployment store", () -> deployments.newestAt(service, stage, at));
                newest.put(key, known);
            }
            return known;
        }
    }

    private <T> T read(String store, Supplier<T> question) {
        try {
            return question.get();
        } catch (ServiceUnavailableException unavailable) {
            // Its message names the store's state in the caller's terms.
            throw unavailable;
        } catch (RuntimeException e) {
            if (!failureLogged) {
                failureLogged = true;
                LOG.warn("A backtest could not read {}", store, e);
            }
            throw new IllegalStateException(store + " could not be read");
        }
    }
}
