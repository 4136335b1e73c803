package dev.tollgate.scorecard;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.tollgate.goals.GoalCategory;

/**
 * One figure of a scorecard (API.md "Scorecards"): a metric's, a DORA figure's or an input goal's.
 *
 * @param metric      the metric (or DORA figure) it reads; null for a goal
 * @param goal        the input goal it reads; null for a metric
 * @param title       what to call it on screen: the metric's description or the goal's title
 * @param value       the figure over the period; null when there was nothing to count
 * @param previous    the same figure over the period before; null for goals, which keep no history
 * @param deltaPct    the change from {@code previous} to {@code value} in percent of {@code previous}
 * @param better      HIGHER or LOWER: which way is an improvement
 * @param series      {@code [epochMs, value]} per bucket of the period, for a sparkline
 * @param category    a goal's category
 * @param due         a goal's due day
 * @param progressPct a goal's progress: current as a percentage of its target
 */
public record ScorecardItem(@JsonInclude(JsonInclude.Include.NON_NULL) String metric,
        @JsonInclude(JsonInclude.Include.NON_NULL) String goal, String title, String unit, Double value,
        Double previous, Double deltaPct, Double target, String better, ScorecardStatus status, List<double[]> series,
        @JsonInclude(JsonInclude.Include.NON_NULL) GoalCategory category,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate due,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double progressPct) {

    public ScorecardItem {
        series = List.copyOf(series);
    }

    /** The metric or goal this item reads, for lists and CSV rows. */
    public String key() {
        return metric != null ? metric : goal;
    }
}
