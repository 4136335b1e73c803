package dev.tollgate.goals;

/** The outcome of a PUT: the goal as stored, and whether it was created (201) or replaced (200). */
public record StoredGoal(Goal goal, boolean created) {
}
