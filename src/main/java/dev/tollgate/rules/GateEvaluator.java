package dev.tollgate.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.tollgate.catalog.Aggregation;
import dev.tollgate.rules.GateFacts.MetricQuestion;

/**
 * Evaluates the rules that apply to a promotion and weighs their results into a verdict: a pure
 * function of the rules, the request and what {@link GateFacts} answer. Every fact is asked once
 * per evaluation however many rules need it; a fact that cannot be had makes the rules that
 * needed it ERROR, which stops the promotion (the gate fails closed).
 */
final class GateEvaluator {

    /** One rule's part in an evaluation: its result, and the effect it has on the verdict. */
    record Outcome(Rule rule, RuleResult result, Effect effect) {
    }

    record Evaluation(Verdict verdict, List<Outcome> outcomes) {
    }

    private final GateRequest request;
    private final GateFacts facts;
    private final Map<Object, Object> answers = new HashMap<>();

    private GateEvaluator(GateRequest request, GateFacts facts) {
        this.request = request;
        this.facts = facts;
    }

    static Evaluation evaluate(GateRequest request, List<Rule> rules, GateFacts facts) {
        GateEvaluator evaluator = new GateEvaluator(request, facts);
        List<Outcome> outcomes = new ArrayList<>();
        List<Verdict.Weighed> weighed = new ArrayList<>();
        for (Rule rule : rules) {
            if (!applies(rule, request)) {
                continue;
            }
            RuleResult result = evaluator.result(rule);
            Effect effect = Verdict.effectOf(result.status(), rule.onFail(), rule.onNoData());
            outcomes.add(new Outcome(rule, result, effect));
            weighed.add(new Verdict.Weighed(effect, rule.dryRun(), result.waitFor()));
        }
        return new Evaluation(Verdict.of(weighed), outcomes);
    }

    /** Enabled, scoped to every service, the service's team or the service, and gating the target stage. */
    static boolean applies(Rule rule, GateRequest request) {
        Rule.Scope scope = rule.scope();
        boolean inScope = (scope.team() == null && scope.service() == null)
                || (scope.team() != null && scope.team().equals(request.team()))
                || (scope.service() != null && scope.service().equals(request.service()));
        return rule.enabled() && inScope && (rule.stages().isEmpty() || rule.stages().contains(request.targetStage()));
    }

    private RuleResult result(Rule rule) {
        try {
            return switch (rule.params()) {
                case Threshold threshold -> threshold(threshold);
                case BakeTime bake -> fromSource(source -> bake.evaluate(
                        ask(List.of("succeeded", source), () -> facts.succeededAt(request.service(), source, request.version())),
                        source, request.now()));
                case PromotionOrder order -> fromSource(source -> {
                    Optional<Instant> succeeded = ask(List.of("succeeded", source),
                            () -> facts.succeededAt(request.service(), source, request.version()));
                    List<String> failed = succeeded.isEmpty() ? List.of() : ask(List.of("failures", source, succeeded.get()),
                            () -> facts.thresholdFailuresSince(request.service(), source, succeeded.get()));
                    return order.evaluate(succeeded, failed, source);
                });
                case TestsPassed tests -> fromSource(source -> tests.evaluate(ask(List.of("tests", source),
                        () -> facts.latestTestRuns(request.service(), source, request.version())), source));
                case DeploymentWindow window -> window(window);
                case ChangeFailureRate rate -> rate.evaluate(ask(List.of("finished", rate.window()),
                        () -> facts.finishedStatuses(request.service(), request.targetStage(),
                                request.now().minus(rate.window()), request.now())), request.targetStage());
                case Expression expression -> expression(expression.expression());
            };
        } catch (RuntimeException e) {
            return new RuleResult(RuleStatus.ERROR, null, null, "could not be evaluated: " + describe(e), Optional.empty());
        }
    }

    /** Rules about the stage the version leaves pass for the first stage of a path: there is none before it. */
    private RuleResult fromSource(Function<String, RuleResult> evaluation) {
        return request.sourceStage() == null ? firstStage() : evaluation.apply(request.sourceStage());
    }

    private RuleResult firstStage() {
        return RuleResult.pass(request.targetStage() + " is the first stage: there is no stage before it");
    }

    private RuleResult threshold(Threshold threshold) {
        if (threshold.of() == Threshold.Of.SOURCE && request.sourceStage() == null) {
            return firstStage();
        }
        Instant from = request.now().minus(threshold.window());
        Double value = figure(threshold.metric(), threshold.aggregation(), from, request.now(), threshold.of());
        Double per = threshold.per() == null ? null
                : figure(threshold.per(), threshold.aggregation(), from, request.now(), threshold.of());
        Double baseline = null;
        if (threshold.relativeTo() != null) {
            Instant baselineFrom = from.minus(threshold.relativeTo().window());
            Double before = figure(threshold.metric(), threshold.aggregation(), baselineFrom, from, threshold.of());
            Double perBefore = threshold.per() == null ? null
                    : figure(threshold.per(), threshold.aggregation(), baselineFrom, from, threshold.of());
            baseline = before == null ? null
                    : threshold.per() == null ? before
                    : perBefore == null || perBefore == 0 ? null : before / perBefore;
        }
        return threshold.evaluate(value, per, baseline, where(threshold.of()));
    }

    private RuleResult window(DeploymentWindow window) {
        DeploymentWindow.Check check = window.check(request.now());
        if (check.open()) {
            return RuleResult.pass("inside the deployment window (" + window.zone() + ")");
        }
        return check.waitFrom(request.now())
                .map(wait -> RuleResult.waitFor(wait, "outside the deployment window; it opens in " + Durations.words(wait)
                        + ", at " + check.opens().orElseThrow().atZone(window.zone()).toLocalDateTime() + " " + window.zone()))
                .orElseGet(() -> RuleResult.fail("the deployment window does not open within a year"));
    }

    private RuleResult expression(MetricExpression expression) {
        Map<MetricExpression.Question, Double> values = new HashMap<>();
        for (MetricExpression.Question question : expression.questions()) {
            if (question.of() == Threshold.Of.SOURCE && request.sourceStage() == null) {
                return firstStage();
            }
            values.put(question, figure(question.metric(), question.aggregation(),
                    request.now().minus(question.window()), request.now(), question.of()));
        }
        return expression.evaluate(values);
    }

    private Double figure(String metric, Aggregation aggregation, Instant from, Instant to,
            Threshold.Of of) {
        MetricQuestion question = switch (of) {
            case SOURCE -> new MetricQuestion(metric, aggregation, from, to, request.service(), request.sourceStage(), null);
            case TARGET -> new MetricQuestion(metric, aggregation, from, to, request.service(), request.targetStage(), null);
            case TEAM -> {
                if (request.team() == null) {
                    throw new IllegalStateException("the service belongs to no team, so it has no team metrics");
                }
                yield new MetricQuestion(metric, aggregation, from, to, null, null, request.team());
            }
        };
        return ask(question, () -> facts.aggregate(question));
    }

    private String where(Threshold.Of of) {
        return switch (of) {
            case SOURCE -> request.sourceStage();
            case TARGET -> request.targetStage();
            case TEAM -> "team " + request.team();
        };
    }

    /** The answer to {@code key}, asked once per evaluation (a failure too is remembered, and thrown again). */
    @SuppressWarnings("unchecked")
    private <T> T ask(Object key, Supplier<T> question) {
        Object answer = answers.computeIfAbsent(key, any -> {
            try {
                return Optional.ofNullable(question.get());
            } catch (RuntimeException e) {
                return e;
            }
        });
        if (answer instanceof RuntimeException failure) {
            throw failure;
        }
        return ((Optional<T>) answer).orElse(null);
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
