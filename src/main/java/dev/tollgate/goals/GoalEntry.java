package dev.tollgate.goals;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An input goal as the catalog document carries it ({@code goals} in {@code PUT /api/v1/config}):
 * its identifier and team beside the fields of its {@code PUT} body.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GoalEntry(String id, String team, GoalCategory category, String title, Double target, Double current,
        String unit, String due) {

    GoalDraft draft() {
        return new GoalDraft(category, title, target, current, unit, due);
    }
}
