package dev.tollgate.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@code BAKE_TIME} rule's params: the version must have SUCCEEDED in the source stage at least
 * {@code duration} ago; until then the rule waits, with the time left.
 */
record BakeTime(Duration duration) implements RuleParams {

    @Override
    public RuleKind kind() {
        return RuleKind.BAKE_TIME;
    }


    BakeTime {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("A bake time is a positive duration, not " + duration);
        }
    }

    /**
     * @param succeededAt when the version succeeded in the source stage, if it did
     * @param sourceStage the stage it bakes in, for the message
     */
    RuleResult evaluate(Optional<Instant> succeededAt, String sourceStage, Instant now) {
        if (succeededAt.isEmpty()) {
            return RuleResult.noData("the version has not succeeded in " + sourceStage);
        }
        Duration baked = Duration.between(succeededAt.get(), now);
        double minutes = baked.toSeconds() / 60.0;
        double required = duration.toSeconds() / 60.0;
        if (baked.compareTo(duration) >= 0) {
            return RuleResult.pass("baked " + Durations.words(baked) + " in " + sourceStage + ", at least "
                    + Durations.words(duration)).withFigures(minutes, required);
        }
        Duration left = duration.minus(baked);
        return RuleResult.waitFor(left, "baked " + Durations.words(baked.isNegative() ? Duration.ZERO : baked) + " in "
                + sourceStage + " of " + Durations.words(duration) + "; " + Durations.words(left) + " to go")
                .withFigures(minutes, required);
    }
}
