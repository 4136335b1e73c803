package dev.tollgate.goals;

/**
 * The body of {@code PUT /api/v1/teams/{team}/goals/{goal}}. {@code due} is a date such as
 * {@code 2026-12-31}; {@code unit} and {@code due} are optional.
 */
public record GoalDraft(GoalCategory category, String title, Double target, Double current, String unit, String due) {
}
