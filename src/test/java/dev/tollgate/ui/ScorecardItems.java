package dev.tollgate.ui;

import java.time.LocalDate;
import java.util.List;

import dev.tollgate.goals.GoalCategory;
import dev.tollgate.scorecard.ScorecardItem;
import dev.tollgate.scorecard.ScorecardStatus;

/** Hand-made scorecard items for the tests of the pieces that show them. */
final class ScorecardItems {

    private ScorecardItems() {
    }

    static ScorecardItem metric(String metric, String unit, Double value, Double previous, Double deltaPct,
            String better, ScorecardStatus status) {
        return new ScorecardItem(metric, null, metric, unit, value, previous, deltaPct, null, better, status, List.of(),
                null, null, null);
    }

    static ScorecardItem goal(String id, double current, double target, Double progressPct, LocalDate due) {
        return new ScorecardItem(null, id, "Goal " + id, "features", current, null, null, target, "HIGHER",
                ScorecardStatus.WATCH, List.of(), GoalCategory.FEATURES, due, progressPct);
    }
}
