package dev.tollgate.rules;

import java.time.Duration;
import java.util.List;

import dev.tollgate.delivery.DeploymentStatus;

/**
 * A {@code CHANGE_FAILURE_RATE} rule's params: of the deployments of the service in the target
 * stage that finished within {@code window}, the share FAILED or ROLLED_BACK must not exceed
 * {@code max}.
 */
record ChangeFailureRate(Duration window, double max) implements RuleParams {

    @Override
    public RuleKind kind() {
        return RuleKind.CHANGE_FAILURE_RATE;
    }


    ChangeFailureRate {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A window is a positive duration, not " + window);
        }
        if (!(max >= 0 && max <= 1)) {
            throw new IllegalArgumentException("max is a share between 0 and 1, not " + max);
        }
    }

    /** @param finished the status of each deployment of the service in the target stage that finished within the window */
    RuleResult evaluate(List<DeploymentStatus> finished, String targetStage) {
        long ended = finished.stream().filter(status -> status != DeploymentStatus.STARTED).count();
        if (ended == 0) {
            return RuleResult.noData("no finished deployment in " + targetStage + " over " + Durations.words(window));
        }
        long failed = finished.stream().filter(status -> status == DeploymentStatus.FAILED
                || status == DeploymentStatus.ROLLED_BACK).count();
        double rate = (double) failed / ended;
        String message = String.format(java.util.Locale.ROOT, "%d of %d deployments in %s over %s failed or were"
                + " rolled back (%.1f%%, at most %.1f%%)", failed, ended, targetStage, Durations.words(window),
                rate * 100, max * 100);
        return (rate > max ? RuleResult.fail(message) : RuleResult.pass(message)).withFigures(rate, max);
    }
}
