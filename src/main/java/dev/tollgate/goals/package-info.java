/**
 * Input goals: what a team means to achieve (features, use cases, performance), each with a
 * target, the current figure and an optional due date. Scorecards show them beside the team's
 * measured figures; the catalog document carries them as {@code goals} ({@link dev.tollgate.goals.InputGoals#apply}).
 */
package dev.tollgate.goals;
