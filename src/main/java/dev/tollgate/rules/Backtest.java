package dev.tollgate.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.tollgate.api.ApiDuration;

/**
 * What a rule would have done to promotions of a service into a stage at each step over past
 * data (API.md {@code POST /rules/backtest}), and how often it would have stopped one: what a team
 * reads to tune a threshold before it enforces the rule.
 *
 * @param sourceStage the stage before {@code stage} in the service's path, null for its first stage
 * @param step        the time between steps, ISO-8601
 * @param evaluated   the number of steps
 * @param stopped     the steps at which the rule, enforced, would have stopped or rolled back the
 *                    promotion; an ERROR step counts, as the gate fails closed
 * @param stopRate    {@code stopped / evaluated}
 * @param byStatus    the number of steps of each status, every status listed
 */
public record Backtest(String service, String stage, String sourceStage, Instant from, Instant to, String step,
        List<Step> steps, int evaluated, int stopped, double stopRate, Map<RuleStatus, Integer> byStatus) {

    public Backtest {
        steps = List.copyOf(steps);
        byStatus = Collections.unmodifiableMap(new TreeMap<>(byStatus));
    }

    /**
     * The rule's outcome at {@code at}, as a gate evaluation would have listed it; {@code version} is
     * the version the rule judged, for the kinds that judge one, null otherwise or when the source
     * stage had none yet.
     */
    public record Step(Instant at, String version, RuleStatus status, Effect effect, Double observed, Double threshold,
            String message) {
    }

    /** What to backtest: {@code rule} gating promotions of {@code service} (of {@code team}) into {@code stage}. */
    record Question(Rule rule, String service, String team, String sourceStage, String stage, Instant from, Instant to,
            Duration step) {
    }

    /**
     * Evaluates the rule at {@code from}, {@code from + step}, … up to {@code to}, each step over
     * the facts of its own moment, as the gate would have then: enforced and enabled whatever its
     * mode, so that a dry run shows what enforcing it would do.
     */
    static Backtest replay(Question question, Function<Instant, PastFacts> history) {
        Rule rule = question.rule();
        // Reading the question checked that the rule gates this service and stage.
        Rule enforced = new Rule(rule.id(), rule.name(), rule.description(), Rule.Scope.EVERY_SERVICE, List.of(),
                rule.params(), rule.onFail(), rule.onNoData(), false, true);
        List<Step> steps = new ArrayList<>();
        Map<RuleStatus, Integer> byStatus = new EnumMap<>(RuleStatus.class);
        for (RuleStatus status : RuleStatus.values()) {
            byStatus.put(status, 0);
        }
        int stopped = 0;
        for (Instant at = question.from(); !at.isAfter(question.to()); at = at.plus(question.step())) {
            Step step = step(question, enforced, history.apply(at), at);
            steps.add(step);
            byStatus.merge(step.status(), 1, Integer::sum);
            if (step.effect().strongerThan(Effect.WAIT)) {
                stopped++;
            }
        }
        return new Backtest(question.service(), question.stage(), question.sourceStage(), question.from(),
                question.to(), ApiDuration.format(question.step()), steps, steps.size(), stopped,
                (double) stopped / steps.size(), byStatus);
    }

    private static Step step(Question question, Rule rule, PastFacts facts, Instant at) {
        String version = null;
        if (judgesVersion(rule) && question.sourceStage() != null) {
            try {
                version = facts.deployedVersion(question.service(), question.sourceStage()).orElse(null);
            } catch (RuntimeException e) {
                return new Step(at, null, RuleStatus.ERROR, Verdict.effectOf(RuleStatus.ERROR, rule.onFail(),
                        rule.onNoData()), null, null, "could not be evaluated: "
                        + (e.getMessage() == null ? "the deployment store could not be read" : e.getMessage()));
            }
        }
        GateRequest request = new GateRequest(question.service(), question.team(), version, question.sourceStage(),
                question.stage(), at);
        GateEvaluator.Outcome outcome = GateEvaluator.evaluate(request, List.of(rule), facts).outcomes().getFirst();
        RuleResult result = outcome.result();
        return new Step(at, version, result.status(), outcome.effect(), result.observed(), result.threshold(),
                result.message());
    }

    /** The kinds that judge the version being promoted: a pipeline names it; a backtest takes the one the source stage ran. */
    private static boolean judgesVersion(Rule rule) {
        return switch (rule.kind()) {
            case BAKE_TIME, TESTS_PASSED, PROMOTION_ORDER -> true;
            case THRESHOLD, DEPLOYMENT_WINDOW, CHANGE_FAILURE_RATE, EXPRESSION -> false;
        };
    }
}
