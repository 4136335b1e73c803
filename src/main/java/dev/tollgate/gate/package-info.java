/**
 * The promotion gate (API.md "Promotion gate"): {@link dev.tollgate.gate.GateEvaluations} asks
 * the rules ({@link dev.tollgate.rules.PromotionRules}) about a promotion over the stores' answers
 * within a time budget ({@link dev.tollgate.gate.StoreFacts}: a store that does not answer makes
 * the verdict STOP), applies an {@link dev.tollgate.gate.Overrides override} that holds, stores
 * the evaluation and answers; {@link dev.tollgate.gate.GateMeters} counts what it decided. After
 * the answer is committed, {@link dev.tollgate.gate.WebhookDeliveries} tells the team's
 * {@link dev.tollgate.gate.TeamWebhooks webhook} of a STOP or ROLLBACK, without delaying it.
 */
package dev.tollgate.gate;
