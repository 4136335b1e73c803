package dev.tollgate.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import dev.tollgate.goals.GoalCategory;
import dev.tollgate.goals.GoalDraft;
import dev.tollgate.goals.InputGoals;

/**
 * The input goals of every demo team (features, use cases, performance), some on track, some
 * behind, one with its due day close, so that a first run shows the goals quadrant full.
 * Recorded through {@link InputGoals}, as the system.
 */
@Component
@ConditionalOnBooleanProperty("tollgate.demo.enabled")
class DemoGoals {

    /** A goal of the demo: due in days from today, or never when null. */
    private record DemoGoal(String id, GoalCategory category, String title, double target, double current, String unit,
            Integer dueInDays) {
    }

    private static final Map<String, List<DemoGoal>> GOALS = Map.of(
            "payments", List.of(
                    new DemoGoal("wallets", GoalCategory.FEATURES, "Apple Pay and Google Pay at checkout", 2, 1, "wallets", 45),
                    new DemoGoal("instant-refunds", GoalCategory.USE_CASES, "Refunds paid out within a minute", 100, 62,
                            "percent of refunds", 30),
                    new DemoGoal("auth-p99", GoalCategory.PERFORMANCE, "Card authorisation p99 under 400 ms", 400, 410, "ms", null)),
            "checkout", List.of(
                    new DemoGoal("guest-checkout", GoalCategory.FEATURES, "Checkout without an account", 1, 1, "feature", 10),
                    new DemoGoal("saved-baskets", GoalCategory.USE_CASES, "Baskets kept across devices", 4, 1, "platforms", 6)),
            "catalog", List.of(
                    new DemoGoal("bulk-prices", GoalCategory.FEATURES, "Price changes in bulk from a spreadsheet", 3, 2, "steps", 20),
                    new DemoGoal("image-variants", GoalCategory.PERFORMANCE, "Product images served as AVIF", 100, 35,
                            "percent of images", 60)),
            "search", List.of(
                    new DemoGoal("synonyms", GoalCategory.FEATURES, "Synonyms editable by merchandisers", 1, 0, "feature", 25),
                    new DemoGoal("zero-results", GoalCategory.USE_CASES, "Searches with results", 98, 95.5, "percent", 40)),
            "identity", List.of(
                    new DemoGoal("passkeys", GoalCategory.FEATURES, "Sign-in with passkeys", 3, 2, "platforms", 14),
                    new DemoGoal("session-p99", GoalCategory.PERFORMANCE, "Session lookup p99 under 20 ms", 20, 18, "ms", null)),
            "fulfilment", List.of(
                    new DemoGoal("carrier-tracking", GoalCategory.FEATURES, "Tracking for every carrier", 6, 4, "carriers", 30),
                    new DemoGoal("same-day", GoalCategory.USE_CASES, "Same-day delivery in the big cities", 5, 2, "cities", 90)));

    private final InputGoals goals;
    private final Clock clock;

    DemoGoals(InputGoals goals, Clock clock) {
        this.goals = goals;
        this.clock = clock;
    }

    /** Sets the goals; answers how many. Call as the system. */
    int seed(List<DemoCatalog.DemoTeam> teams) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int set = 0;
        for (DemoCatalog.DemoTeam team : teams) {
            for (DemoGoal goal : GOALS.getOrDefault(team.id(), List.of())) {
                goals.put(team.id(), goal.id(), new GoalDraft(goal.category(), goal.title(), goal.target(), goal.current(),
                        goal.unit(), goal.dueInDays() == null ? null : today.plusDays(goal.dueInDays()).toString()));
                set++;
            }
        }
        return set;
    }
}
