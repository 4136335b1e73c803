package dev.tollgate.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.tollgate.catalog.Better;

/**
 * How a figure is judged (README "Scorecards"): against its target when it has one, else
 * against the period before. Pure functions, so that every edge is a unit test.
 */
final class Judgement {

    /** Worse than the period before by more than this share is worth watching. */
    static final double WATCH_CHANGE = 0.05;
    /** Worse than the period before by more than this share, with no target to say otherwise, is bad. */
    static final double BAD_CHANGE = 0.20;
    /** A dated goal this far (in points of progress) behind an even pace is worth watching. */
    static final double GOAL_SLACK_PCT = 10;

    private Judgement() {
    }

    /**
     * A metric's status. With a target: BAD when it misses it, WATCH when it meets it but worsened
     * by more than 5%, else GOOD. Without: BAD when it worsened by more than 20%, WATCH by more
     * than 5% (or from nothing to something bad), else GOOD.
     */
    static ScorecardStatus metric(Double value, Double previous, Double target, Better better) {
        if (value == null) {
            return ScorecardStatus.NO_DATA;
        }
        double worsening = worsening(value, previous, better);
        if (target != null) {
            boolean meets = better == Better.HIGHER ? value >= target : value <= target;
            if (!meets) {
                return ScorecardStatus.BAD;
            }
            return worsening > WATCH_CHANGE ? ScorecardStatus.WATCH : ScorecardStatus.GOOD;
        }
        if (worsening > BAD_CHANGE) {
            return ScorecardStatus.BAD;
        }
        return worsening > WATCH_CHANGE ? ScorecardStatus.WATCH : ScorecardStatus.GOOD;
    }

    /**
     * A figure judged by bands rather than by its past: GOOD up to {@code good}, WATCH up to
     * {@code watch}, BAD beyond, read in the figure's direction (for HIGHER, "up to" means "down to").
     */
    static ScorecardStatus banded(Double value, double good, double watch, Better better) {
        if (value == null) {
            return ScorecardStatus.NO_DATA;
        }
        if (better == Better.HIGHER ? value >= good : value <= good) {
            return ScorecardStatus.GOOD;
        }
        return (better == Better.HIGHER ? value >= watch : value <= watch) ? ScorecardStatus.WATCH : ScorecardStatus.BAD;
    }

    /**
     * An input goal's status at {@code at}: GOOD once it reaches its target; BAD when its due day
     * has passed short of it; WATCH when it is more than 10 points of progress behind an even pace
     * from its creation to the end of its due day, or has no due day and is not reached; else GOOD.
     */
    static ScorecardStatus goal(double current, double target, Instant createdAt, LocalDate due, Instant at) {
        if (current >= target) {
            return ScorecardStatus.GOOD;
        }
        Double progress = progressPct(current, target);
        if (progress == null || due == null) {
            return ScorecardStatus.WATCH;
        }
        Instant deadline = due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!at.isBefore(deadline)) {
            return ScorecardStatus.BAD;
        }
        double span = Math.max(1, deadline.toEpochMilli() - createdAt.toEpochMilli());
        double expected = 100 * Math.clamp((at.toEpochMilli() - createdAt.toEpochMilli()) / span, 0.0, 1.0);
        return progress < expected - GOAL_SLACK_PCT ? ScorecardStatus.WATCH : ScorecardStatus.GOOD;
    }

    /** Current as a percentage of target; null for a target of zero, which has no percentage. */
    static Double progressPct(double current, double target) {
        return target == 0 ? null : round(100 * current / target);
    }

    /** The change from {@code previous} to {@code value} in percent of {@code previous}; null without a base. */
    static Double deltaPct(Double value, Double previous) {
        if (value == null || previous == null || previous == 0) {
            return null;
        }
        return round(100 * (value - previous) / Math.abs(previous));
    }

    /** How much worse {@code value} is than {@code previous}, as a share of it; 0 when better or unknown. */
    private static double worsening(double value, Double previous, Better better) {
        if (previous == null) {
            return 0;
        }
        double worse = better == Better.HIGHER ? previous - value : value - previous;
        if (worse <= 0) {
            return 0;
        }
        // From nothing to something (the first errors of a quiet week): worth watching, but no
        // percentage says how bad, so it sits between the two thresholds.
        return previous == 0 ? (WATCH_CHANGE + BAD_CHANGE) / 2 : worse / Math.abs(previous);
    }

    /** A figure as shown: two decimals, which is finer than any DORA figure is meant to be read. */
    static Double round2(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }

    static Double round(Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }
}
