package dev.tollgate.delivery;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a deployment's derived fields from its history. Pipelines and event brokers deliver out
 * of order and retry, so every field is read by the times reported, not by arrival; arrival only
 * breaks ties.
 */
final class StatusHistory {

    private StatusHistory() {
    }

    /** The change with the latest time; of equal times, the one reported last. */
    static StatusChange current(List<StatusChange> history) {
        StatusChange current = history.getFirst();
        for (StatusChange change : history) {
            if (!change.time().isBefore(current.time())) {
                current = change;
            }
        }
        return current;
    }

    /** The time of the latest STARTED, or of the earliest change when none was reported. */
    static Instant startedAt(List<StatusChange> history) {
        return history.stream().filter(change -> change.status() == DeploymentStatus.STARTED)
                .map(StatusChange::time).max(Comparator.naturalOrder())
                .orElseGet(() -> history.stream().map(StatusChange::time).min(Comparator.naturalOrder()).orElseThrow());
    }

    /**
     * When the latest attempt ended: its latest SUCCEEDED or FAILED (a retry that succeeds after a
     * failure ends it later); a ROLLED_BACK only when nothing else ended it, so that rolling back
     * a successful deployment later keeps the time it succeeded. Null while it runs.
     */
    static Instant finishedAt(List<StatusChange> history) {
        Instant started = startedAt(history);
        return history.stream()
                .filter(change -> change.status().isOutcome() && !change.time().isBefore(started))
                .map(StatusChange::time).max(Comparator.naturalOrder())
                .orElseGet(() -> history.stream()
                        .filter(change -> change.status() == DeploymentStatus.ROLLED_BACK && !change.time().isBefore(started))
                        .map(StatusChange::time).min(Comparator.naturalOrder()).orElse(null));
    }

    /**
     * Whether a reported change adds to the history. A retry of the current status, or of a change
     * already recorded, adds nothing: that is what makes reporting idempotent.
     */
    static boolean adds(List<StatusChange> history, StatusChange change) {
        return history.isEmpty() || (current(history).status() != change.status() && !history.contains(change));
    }
}
