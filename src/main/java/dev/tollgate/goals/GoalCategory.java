package dev.tollgate.goals;

/** What kind of input goal: features shipped, use cases enabled, performance reached. */
public enum GoalCategory {
    FEATURES, USE_CASES, PERFORMANCE
}
