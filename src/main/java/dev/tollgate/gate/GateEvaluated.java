package dev.tollgate.gate;

/**
 * The gate answered (and the answer is stored): published after the commit, for what follows
 * a verdict without delaying it, such as the teams' notifications.
 *
 * @param team the service's team when it was asked; null for an unowned service
 */
public record GateEvaluated(GateEvaluation evaluation, String team) {
}
