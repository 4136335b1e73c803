package dev.tollgate.scorecard;

/** How a figure stands against its target and the period before (README "Scorecards"). */
public enum ScorecardStatus {
    GOOD, WATCH, BAD, NO_DATA
}
