package dev.tollgate.goals;

/** What applying the goals of a catalog document did. */
public record GoalChanges(int created, int updated, int unchanged) {
}
