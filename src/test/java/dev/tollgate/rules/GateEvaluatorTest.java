package dev.tollgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tollgate.catalog.Aggregation;
import dev.tollgate.delivery.DeploymentStatus;
import dev.tollgate.delivery.TestRun;
import dev.tollgate.rules.GateEvaluator.Evaluation;
import dev.tollgate.rules.Verdict.Decision;

/**
 * The gate's decisions from issue 4's scenario, over facts held in memory: PROMOTE, STOP on an
 * error spike, ROLLBACK on a failed test, WAIT for the bake, ERROR when a store fails; each
 * question asked once.
 */
class GateEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final GateRequest INTO_PROD = new GateRequest("ledger", "payments", "2.0.1", "gamma", "prod", NOW);

    private static final Rule BAKE = rule("bake", new BakeTime(Duration.ofHours(1)), OnFail.STOP);
    private static final Rule TESTS = rule("tests", new TestsPassed(Set.of()), OnFail.ROLLBACK);
    private static final Rule ERROR_RATE = rule("error-rate", new Threshold("errors", Aggregation.SUM,
            Duration.ofHours(1), Threshold.Operator.GT, 0.01, "requests", Threshold.Of.SOURCE, null), OnFail.STOP);
    private static final List<Rule> RULES = List.of(BAKE, TESTS, ERROR_RATE);

    @Test
    void a_version_that_baked_passed_its_tests_and_kept_errors_low_is_promoted() {
        Facts facts = new Facts().succeeded(NOW.minus(Duration.ofHours(2))).tests(0).errors(3, 1_000);

        Evaluation evaluation = GateEvaluator.evaluate(INTO_PROD, RULES, facts);

        assertThat(evaluation.verdict().decision()).isEqualTo(Decision.PROMOTE);
        assertThat(evaluation.outcomes()).extracting(outcome -> outcome.result().status())
                .containsOnly(RuleStatus.PASS);
    }

    @Test
    void an_error_spike_in_the_stage_left_stops_it_naming_the_rule_and_the_figure() {
        Facts facts = new Facts().succeeded(NOW.minus(Duration.ofHours(2))).tests(0).errors(80, 1_000);

        Evaluation evaluation = GateEvaluator.evaluate(INTO_PROD, RULES, facts);

        assertThat(evaluation.verdict().decision()).isEqualTo(Decision.STOP);
        GateEvaluator.Outcome failed = evaluation.outcomes().stream()
                .filter(outcome -> outcome.result().status() == RuleStatus.FAIL).findFirst().orElseThrow();
        assertThat(failed.rule().id()).isEqualTo("error-rate");
        assertThat(failed.result().observed()).isEqualTo(0.08);
        assertThat(failed.result().message()).isEqualTo("errors per requests sum over PT1H in gamma is 0.08, above 0.01");
    }

    @Test
    void a_failed_test_run_rolls_back() {
        Facts facts = new Facts().succeeded(NOW.minus(Duration.ofHours(2))).tests(2).errors(3, 1_000);

        assertThat(GateEvaluator.evaluate(INTO_PROD, RULES, facts).verdict().decision()).isEqualTo(Decision.ROLLBACK);
    }

    @Test
    void ten_minutes_into_a_one_hour_bake_waits_fifty_minutes() {
        Facts facts = new Facts().succeeded(NOW.minus(Duration.ofMinutes(10))).tests(0).errors(3, 1_000);

        Verdict verdict = GateEvaluator.evaluate(INTO_PROD, RULES, facts).verdict();

        assertThat(verdict.decision()).isEqualTo(Decision.WAIT);
        assertThat(verdict.retryAfter()).contains(Duration.ofMinutes(50));
    }

    @Test
    void a_store_that_cannot_answer_stops_the_promotion() {
        Facts facts = new Facts().succeeded(NOW.minus(Duration.ofHours(2))).tests(0);
        facts.failing = true;

        Evaluation evaluation = GateEvaluator.evaluate(INTO_PROD, RULES, facts);

        assertThat(evaluation.verdict().decision()).isEqualTo(Decision.STOP);
        assertThat(evaluation.outcomes()).filteredOn(outcome -> outcome.rule().id().equals("error-rate"))
                .extracting(outcome -> outcome.result().status()).containsExactly(RuleStatus.ERROR);
    }

    @Test
    void each_question_is_asked_once_however_many_rules_ask_it() {
        Rule sameErrors = rule("errors-again", new Threshold("errors", Aggregation.SUM, Duration.ofHours(1),
                Threshold.Operator.GT, 100, null, Threshold.Of.SOURCE, null), OnFail.WARN);
        Rule bakeAgain = rule("bake-again", new BakeTime(Duration.ofMinutes(30)), OnFail.STOP);
        Facts facts = new Facts().succeeded(NOW.minus(Duration.ofHours(2))).tests(0).errors(3, 1_000);

        GateEvaluator.evaluate(INTO_PROD, List.of(BAKE, TESTS, ERROR_RATE, sameErrors, bakeAgain), facts);

        assertThat(facts.asked).containsExactlyInAnyOrder("aggregate errors", "aggregate requests", "succeeded", "tests");
    }

    @Test
    void only_enabled_rules_of_the_service_its_team_or_everyone_for_the_target_stage_apply_and_dry_runs_never_decide() {
        Rule otherStage = new Rule("beta-only", "x", null, Rule.Scope.EVERY_SERVICE, List.of("beta"),
                new BakeTime(Duration.ofDays(9)), OnFail.STOP, OnNoData.STOP, false, true);
        Rule otherTeam = new Rule("search", "x", null, new Rule.Scope("search", null), List.of(),
                new BakeTime(Duration.ofDays(9)), OnFail.STOP, OnNoData.STOP, false, true);
        Rule disabled = new Rule("off", "x", null, new Rule.Scope(null, "ledger"), List.of(),
                new BakeTime(Duration.ofDays(9)), OnFail.STOP, OnNoData.STOP, false, false);
        Rule dryRun = new Rule("dry", "x", null, new Rule.Scope("payments", null), List.of("prod"),
                new BakeTime(Duration.ofDays(9)), OnFail.STOP, OnNoData.STOP, true, true);
        Facts facts = new Facts().succeeded(NOW.minus(Duration.ofHours(2))).tests(0).errors(3, 1_000);

        Evaluation evaluation = GateEvaluator.evaluate(INTO_PROD, List.of(otherStage, otherTeam, disabled, dryRun), facts);

        assertThat(evaluation.outcomes()).extracting(outcome -> outcome.rule().id()).containsExactly("dry");
        assertThat(evaluation.outcomes().getFirst().effect()).isEqualTo(Effect.WAIT);
        assertThat(evaluation.verdict().decision()).isEqualTo(Decision.PROMOTE);
    }

    @Test
    void into_the_first_stage_the_rules_about_the_stage_before_pass() {
        GateRequest intoBeta = new GateRequest("ledger", "payments", "2.0.1", null, "beta", NOW);

        List<Rule> everyStage = RULES.stream().map(rule -> new Rule(rule.id(), rule.name(), null, rule.scope(), List.of(),
                rule.params(), rule.onFail(), rule.onNoData(), false, true)).toList();

        Evaluation evaluation = GateEvaluator.evaluate(intoBeta, everyStage, new Facts());

        assertThat(evaluation.verdict().decision()).isEqualTo(Decision.PROMOTE);
        assertThat(evaluation.outcomes()).hasSize(3).allSatisfy(outcome -> assertThat(outcome.result().message())
                .isEqualTo("beta is the first stage: there is no stage before it"));
    }

    private static Rule rule(String id, RuleParams params, OnFail onFail) {
        return new Rule(id, id, null, Rule.Scope.EVERY_SERVICE, List.of("prod"), params, onFail, OnNoData.STOP, false, true);
    }

    /** Facts held in memory, noting what was asked. */
    private static final class Facts implements GateFacts {

        private final Map<String, Double> figures = new HashMap<>();
        private final List<String> asked = new ArrayList<>();
        private Optional<Instant> succeededAt = Optional.empty();
        private List<TestRun> testRuns = List.of();
        private boolean failing;

        Facts succeeded(Instant at) {
            succeededAt = Optional.of(at);
            return this;
        }

        Facts tests(int failed) {
            testRuns = List.of(new TestRun(1, "ledger", "gamma", "2.0.1", "e2e", 40, failed, NOW.minusSeconds(3_000)));
            return this;
        }

        Facts errors(double errors, double requests) {
            figures.put("errors", errors);
            figures.put("requests", requests);
            return this;
        }

        @Override
        public Double aggregate(MetricQuestion question) {
            asked.add("aggregate " + question.metric());
            if (failing) {
                throw new IllegalStateException("the metric store did not answer in time");
            }
            return figures.get(question.metric());
        }

        @Override
        public Optional<Instant> succeededAt(String service, String stage, String version) {
            asked.add("succeeded");
            return succeededAt;
        }

        @Override
        public List<TestRun> latestTestRuns(String service, String stage, String version) {
            asked.add("tests");
            return testRuns;
        }

        @Override
        public List<DeploymentStatus> finishedStatuses(String service, String stage, Instant from, Instant to) {
            asked.add("finished");
            return List.of();
        }

        @Override
        public List<String> thresholdFailuresSince(String service, String stage, Instant since) {
            asked.add("failures");
            return List.of();
        }
    }
}
