package dev.tollgate.delivery;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A deployment of a version of a service into one of its stages, with every status it was
 * reported in ({@code history}, in the order reported).
 *
 * @param status     the status of the latest change (latest by its time, not by arrival, so a
 *                   late STARTED does not undo a SUCCEEDED)
 * @param time       when the deployment entered {@code status}
 * @param startedAt  when the deployment (its latest attempt) began: the time of its latest
 *                   STARTED, or of its first report when it was never reported STARTED
 * @param finishedAt when that attempt ended: its latest SUCCEEDED or FAILED; a ROLLED_BACK only
 *                   when nothing else ended it; null while it runs
 * @param createdAt  when Tollgate first stored it
 * @param updatedAt  when Tollgate last changed it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Deployment(String id, String service, String stage, String version, DeploymentStatus status,
        Instant time, Instant startedAt, Instant finishedAt, String commit, Instant commitTime, String pipelineRun,
        List<StatusChange> history, Instant createdAt, Instant updatedAt) {

    public Deployment {
        history = List.copyOf(history);
    }

    /**
     * The deployment as it stood at {@code at}: the changes reported for later times had not
     * happened yet. It must have a change at or before {@code at}.
     */
    public Deployment asOf(Instant at) {
        List<StatusChange> then = history.stream().filter(change -> !change.time().isAfter(at)).toList();
        StatusChange current = StatusHistory.current(then);
        return new Deployment(id, service, stage, version, current.status(), current.time(), StatusHistory.startedAt(then),
                StatusHistory.finishedAt(then), commit, commitTime, pipelineRun, then, createdAt, updatedAt);
    }
}
