package dev.tollgate.rules;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * The gate's answer: PROMOTE only when no enforced result says otherwise (the seed's law: only
 * promote on success; look for any reason to fail). With WAIT, {@code retryAfter} is the longest
 * wait of the waiting rules: retrying sooner would only wait again.
 */
public record Verdict(Decision decision, Optional<Duration> retryAfter) {

    public enum Decision {
        PROMOTE, WAIT, STOP, ROLLBACK
    }

    /** How a rule's result weighs: its effect, whether it only ran dry, and how long it waits, if it does. */
    record Weighed(Effect effect, boolean dryRun, Optional<Duration> waitFor) {
    }

    /** The effect of a result of {@code status}, given the rule's {@code onFail} and {@code onNoData}. */
    static Effect effectOf(RuleStatus status, OnFail onFail, OnNoData onNoData) {
        return switch (status) {
            case PASS -> Effect.NONE;
            case FAIL -> onFail.effect();
            case WAIT -> Effect.WAIT;
            case NO_DATA -> onNoData.effect();
            // A rule that could not be evaluated gives no reason to promote: the gate fails closed.
            case ERROR -> Effect.STOP;
        };
    }

    static Verdict of(Collection<Weighed> results) {
        Effect strongest = Effect.NONE;
        Duration longestWait = null;
        for (Weighed result : results) {
            if (result.dryRun()) {
                continue;
            }
            if (result.effect().strongerThan(strongest)) {
                strongest = result.effect();
            }
            if (result.effect() == Effect.WAIT && result.waitFor().isPresent()
                    && (longestWait == null || result.waitFor().get().compareTo(longestWait) > 0)) {
                longestWait = result.waitFor().get();
            }
        }
        return switch (strongest) {
            case NONE, WARN -> new Verdict(Decision.PROMOTE, Optional.empty());
            case WAIT -> new Verdict(Decision.WAIT, Optional.ofNullable(longestWait));
            case STOP -> new Verdict(Decision.STOP, Optional.empty());
            case ROLLBACK -> new Verdict(Decision.ROLLBACK, Optional.empty());
        };
    }
}
