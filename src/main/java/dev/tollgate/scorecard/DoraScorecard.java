package dev.tollgate.scorecard;

import java.util.List;

/**
 * The DORA part of a scorecard: each figure an item like the others (value, previous, delta,
 * status against the bands in README "DORA figures", series), and the counts behind them.
 */
public record DoraScorecard(ScorecardItem deploymentFrequency, ScorecardItem leadTimeForChanges,
        ScorecardItem changeFailureRate, ScorecardItem timeToRestore, ScorecardItem reworkRate, int deployments,
        int failures, int unrestoredFailures) {

    public List<ScorecardItem> items() {
        return List.of(deploymentFrequency, leadTimeForChanges, changeFailureRate, timeToRestore, reworkRate);
    }
}
