package dev.tollgate.rules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.tollgate.catalog.Aggregation;
import dev.tollgate.delivery.DeploymentStatus;
import dev.tollgate.delivery.TestRun;

/**
 * What the gate asks the stores. Each method may throw when its store cannot answer; the
 * evaluator then marks the rules that needed it ERROR (fail closed). {@link GateEvaluator} asks
 * each distinct question once, however many rules need it.
 */
public interface GateFacts {

    /** One aggregate of one metric over {@code [from, to)}: of a service's stage, or of a team. */
    public record MetricQuestion(String metric, Aggregation aggregation, Instant from, Instant to, String service,
            String stage, String team) {
    }

    /** The figure, or null when the window holds no value. */
    Double aggregate(MetricQuestion question);

    Optional<Instant> succeededAt(String service, String stage, String version);

    /** The latest run of each suite for the version in the stage. */
    List<TestRun> latestTestRuns(String service, String stage, String version);

    /**
     * The status of each deployment of the service in the stage that finished within
     * {@code [from, to)}, as it stands when the gate asks.
     */
    List<DeploymentStatus> finishedStatuses(String service, String stage, Instant from, Instant to);

    /** The names of the THRESHOLD rules that failed for the stage since {@code since}, from earlier evaluations. */
    List<String> thresholdFailuresSince(String service, String stage, Instant since);
}
