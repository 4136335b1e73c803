package dev.tollgate.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * The DORA figures of the production deployments of some services over {@code [from, to)}, as
 * they stood at {@code to}: how each is counted is written in the README ("DORA figures") and on
 * {@link DoraCalculation}. A figure with nothing to count is null (no deployments: no change
 * failure or rework rate; no restored failure: no time to restore), except the frequency: no
 * deployments is a frequency of 0.0.
 *
 * @param deployments          production deployments that finished in the window (succeeded,
 *                             failed or rolled back); one still running is not counted
 * @param failures             of those, the ones FAILED or ROLLED_BACK at {@code to}
 * @param restored             failures that a later successful deployment restored by {@code to}
 * @param unrestored           failures not restored by {@code to}
 * @param rework               deployments whose service's previous deployment was a failure
 * @param deploymentsPerDay    successful deployments (deployments less failures) per day of the window
 * @param leadTimeForChanges   median time from commit to successful production deployment, over
 *                             those that carry a commit time
 * @param changeFailureRatePct failures as a percentage of deployments
 * @param timeToRestore        median time from a failure to the finish of the deployment that
 *                             restored it, over the restored failures
 * @param reworkRatePct        rework as a percentage of deployments
 */
public record DoraFigures(Instant from, Instant to, int deployments, int failures, int restored, int unrestored,
        int rework, Double deploymentsPerDay, Duration leadTimeForChanges, Double changeFailureRatePct,
        Duration timeToRestore, Double reworkRatePct) {
}
