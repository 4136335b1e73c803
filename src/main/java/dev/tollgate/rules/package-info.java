/**
 * The rules engine (issue 4): rules are data, sealed records per kind, evaluated by pure
 * functions over what the stores answered and an injected {@code Clock}. So far the pure pieces:
 * how results weigh into a {@link dev.tollgate.rules.Verdict}, and the evaluation of
 * {@link dev.tollgate.rules.Threshold}, {@link dev.tollgate.rules.BakeTime},
 * {@link dev.tollgate.rules.PromotionOrder}, {@link dev.tollgate.rules.TestsPassed},
 * {@link dev.tollgate.rules.ChangeFailureRate}, {@link dev.tollgate.rules.DeploymentWindow} and the
 * CEL expressions ({@link dev.tollgate.rules.MetricExpression}), each kind's params a record
 * ({@link dev.tollgate.rules.RuleParams}) read from a rule's JSON with every fault at its pointer
 * ({@link dev.tollgate.rules.RuleParamsReader}), and the {@link dev.tollgate.rules.Rule} around
 * them with API.md's defaults ({@link dev.tollgate.rules.RuleReader}), written back as the same
 * JSON ({@link dev.tollgate.rules.RuleWriter}).
 * Rules are stored, versioned and served by {@link dev.tollgate.rules.Rules} at
 * {@code /api/v1/rules}. {@link dev.tollgate.rules.GateEvaluator} decides a promotion over what
 * {@link dev.tollgate.rules.GateFacts} answer, each question once; the gate endpoint that feeds
 * it from the stores, stores its evaluations and answers pipelines comes next.
 * {@link dev.tollgate.rules.RuleBacktests} replays a rule over a service's past data
 * ({@code POST /api/v1/rules/backtest}), the same evaluator asking the stores as they stood at each step.
 */
package dev.tollgate.rules;
