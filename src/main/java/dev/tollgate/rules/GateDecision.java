package dev.tollgate.rules;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the rules decided about a promotion: the verdict, how long to wait with WAIT, each applying
 * rule's outcome, and the warnings that go with a verdict (no rule at all, say).
 *
 * @param failedThresholds the enforced THRESHOLD rules that stopped this promotion, with the stage
 *                         whose metrics failed them: what a later PROMOTION_ORDER rule asks about
 */
public record GateDecision(Verdict.Decision verdict, Optional<Duration> retryAfter, List<RuleOutcome> outcomes,
        List<FailedThreshold> failedThresholds, List<String> warnings) {

    public GateDecision {
        outcomes = List.copyOf(outcomes);
        failedThresholds = List.copyOf(failedThresholds);
        warnings = List.copyOf(warnings);
    }

    /** THRESHOLD rule {@code rule} failed on the metrics of {@code stage}. */
    public record FailedThreshold(String rule, String stage) {
    }
}
