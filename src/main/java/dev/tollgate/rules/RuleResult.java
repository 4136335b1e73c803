package dev.tollgate.rules;

import java.time.Duration;
import java.util.Optional;

/**
 * What evaluating one rule found, before its {@code onFail}/{@code onNoData} weigh it: the status,
 * the observed figure and the threshold where the rule has them, a message in the caller's terms,
 * and, with WAIT, how long until the rule could pass.
 */
record RuleResult(RuleStatus status, Double observed, Double threshold, String message, Optional<Duration> waitFor) {

    static RuleResult pass(String message) {
        return new RuleResult(RuleStatus.PASS, null, null, message, Optional.empty());
    }

    static RuleResult fail(String message) {
        return new RuleResult(RuleStatus.FAIL, null, null, message, Optional.empty());
    }

    static RuleResult noData(String message) {
        return new RuleResult(RuleStatus.NO_DATA, null, null, message, Optional.empty());
    }

    static RuleResult waitFor(Duration left, String message) {
        return new RuleResult(RuleStatus.WAIT, null, null, message, Optional.of(left));
    }

    RuleResult withFigures(Double observed, Double threshold) {
        return new RuleResult(status, observed, threshold, message, waitFor);
    }
}
