package dev.tollgate.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * The DORA figures of the production deployments of some services over {@code [from, to)}: how
 * each is counted is written in the README ("DORA figures"). A figure with nothing to count is
 * null (no deployments: no frequency of failures; no failures: no time to restore).
 *
 * @param deployments          production deployments that finished in the window (succeeded or failed)
 * @param failures             of those, the ones that failed or were rolled back
 * @param restored             failures in the window that a later successful deployment restored
 * @param unrestored           failures in the window not restored by {@code to}
 * @param rework               deployments in the window made to fix a failed one
 * @param deploymentsPerDay    successful production deployments per day of the window
 * @param leadTimeForChanges   median time from commit to successful production deployment
 * @param changeFailureRatePct failures as a percentage of deployments
 * @param timeToRestore        median time from a failure to the deployment that restored it
 * @param reworkRatePct        rework as a percentage of deployments
 */
public record DoraFigures(Instant from, Instant to, int deployments, int failures, int restored, int unrestored,
        int rework, Double deploymentsPerDay, Duration leadTimeForChanges, Double changeFailureRatePct,
        Duration timeToRestore, Double reworkRatePct) {
}
