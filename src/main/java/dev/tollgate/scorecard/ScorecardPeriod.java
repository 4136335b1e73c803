package dev.tollgate.scorecard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The window a scorecard reads, {@code [from, to)}, the one before it for {@code previous}, and
 * the step of its sparklines: the shortest of a few round steps that draws the period in at most
 * {@link #MAX_SPARK_POINTS} points, so that a week is drawn in six-hour steps and a day in hours.
 */
record ScorecardPeriod(Duration length, Instant from, Instant to, Duration step) {

    static final int MAX_SPARK_POINTS = 30;
    static final Duration MIN_LENGTH = Duration.ofHours(1);
    static final Duration MAX_LENGTH = Duration.ofDays(366);

    private static final List<Duration> STEPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6),
            Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(14));

    /**
     * The period of {@code length} that ends at {@code at}, rounded up to the whole minute, the
     * stores' finest resolution: up, so that a period ending now holds what happened this minute.
     */
    static ScorecardPeriod endingAt(Duration length, Instant at) {
        Instant minute = Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), 60) * 60);
        Instant to = minute.equals(at) ? minute : minute.plusSeconds(60);
        Duration step = STEPS.stream().filter(candidate -> length.dividedBy(candidate) <= MAX_SPARK_POINTS).findFirst()
                .orElse(length.dividedBy(MAX_SPARK_POINTS));
        return new ScorecardPeriod(length, to.minus(length), to, step);
    }

    /** The period just before this one, of the same length. */
    ScorecardPeriod previous() {
        return new ScorecardPeriod(length, from.minus(length), from, step);
    }
}
