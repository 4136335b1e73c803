package dev.tollgate.scorecard;

import java.util.List;

import dev.tollgate.goals.Goal;

/**
 * Input goals as scorecard items. Goals keep no history, so an item has no previous figure and
 * no sparkline; a goal created after the period is not part of it.
 */
final class GoalItems {

    private GoalItems() {
    }

    static List<ScorecardItem> of(List<Goal> goals, ScorecardPeriod period) {
        return goals.stream().filter(goal -> goal.createdAt().isBefore(period.to()))
                .map(goal -> new ScorecardItem(null, goal.id(), goal.title(), goal.unit(), goal.current(), null, null,
                        goal.target(), "HIGHER",
                        Judgement.goal(goal.current(), goal.target(), goal.createdAt(), goal.due(), period.to()),
                        List.of(), goal.category(), goal.due(), Judgement.progressPct(goal.current(), goal.target())))
                .toList();
    }
}
