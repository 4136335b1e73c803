package dev.tollgate.rules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@code PROMOTION_ORDER} rule's params (none): the version SUCCEEDED in the source stage, and
 * no THRESHOLD rule of the source stage failed since.
 */
record PromotionOrder() implements RuleParams {

    @Override
    public RuleKind kind() {
        return RuleKind.PROMOTION_ORDER;
    }

    /**
     * @param succeededAt  when the version succeeded in the source stage, if it did
     * @param failedSince  the THRESHOLD rules of the source stage that failed since then, by name
     * @param sourceStage  the stage before the target in the service's path
     */
    RuleResult evaluate(Optional<Instant> succeededAt, List<String> failedSince, String sourceStage) {
        if (succeededAt.isEmpty()) {
            // Not "no data": a version that skipped the stage before is exactly what this rule stops.
            return RuleResult.fail("the version has not succeeded in " + sourceStage + ", the stage before");
        }
        if (!failedSince.isEmpty()) {
            return RuleResult.fail("since the version succeeded in " + sourceStage + ", " + String.join(", ", failedSince)
                    + " failed there");
        }
        return RuleResult.pass("the version succeeded in " + sourceStage + " and no threshold failed there since");
    }
}
