package dev.tollgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.tollgate.catalog.Aggregation;
import dev.tollgate.delivery.DeploymentStatus;
import dev.tollgate.delivery.TestRun;

/**
 * A rule replayed over past moments held in memory: one step per {@code step} from {@code from}
 * up to {@code to}, each judged at its own moment, summed up into how often the rule would have
 * stopped a promotion.
 */
class BacktestTest {

    private static final Instant FROM = Instant.parse("2026-11-20T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    /** Errors summed over the hour before each moment, by the moment the hour ends. */
    private final Map<Instant, Double> errorsByHourEnding = new TreeMap<>();
    /** The moments at which the stores fail. */
    private final List<Instant> failingAt = new ArrayList<>();
    /** When 2.0.0 started in gamma and when it succeeded there. */
    private Instant deployedAt;
    private Instant succeededAt;

    private static Rule threshold(double limit, OnNoData onNoData, boolean dryRun) {
        return new Rule(BacktestReader.RULE_ID, "Errors", null, Rule.Scope.EVERY_SERVICE, List.of("prod"),
                new Threshold("errors", Aggregation.SUM, HOUR, Threshold.Operator.GT, limit, null, Threshold.Of.SOURCE,
                        null), OnFail.STOP, onNoData, dryRun, true);
    }

    private static Backtest.Question question(Rule rule, String sourceStage, Instant to, Duration step) {
        return new Backtest.Question(rule, "ledger", "payments", sourceStage, "prod", FROM, to, step);
    }

    private Backtest replay(Backtest.Question question) {
        return Backtest.replay(question, Moment::new);
    }

    @Test
    void steps_from_from_up_to_to_each_judged_over_the_window_that_ends_at_it() {
        errorsByHourEnding.put(FROM, 2.0);
        errorsByHourEnding.put(FROM.plus(HOUR), 14.0);
        errorsByHourEnding.put(FROM.plus(HOUR.multipliedBy(2)), 9.0);
        errorsByHourEnding.put(FROM.plus(HOUR.multipliedBy(3)), 11.0);

        Backtest backtest = replay(question(threshold(10, OnNoData.STOP, false), "gamma",
                FROM.plus(Duration.ofMinutes(200)), HOUR));

        assertThat(backtest.steps()).extracting(Backtest.Step::at).containsExactly(FROM, FROM.plus(HOUR),
                FROM.plus(HOUR.multipliedBy(2)), FROM.plus(HOUR.multipliedBy(3)));
        assertThat(backtest.steps()).extracting(Backtest.Step::status).containsExactly(RuleStatus.PASS, RuleStatus.FAIL,
                RuleStatus.PASS, RuleStatus.FAIL);
        assertThat(backtest.steps()).extracting(Backtest.Step::observed).containsExactly(2.0, 14.0, 9.0, 11.0);
        assertThat(backtest.steps().get(1).message()).isEqualTo("errors sum over PT1H in gamma is 14, above 10");
        assertThat(backtest.evaluated()).isEqualTo(4);
        assertThat(backtest.stopped()).isEqualTo(2);
        assertThat(backtest.stopRate()).isEqualTo(0.5);
        assertThat(backtest.byStatus()).containsEntry(RuleStatus.PASS, 2).containsEntry(RuleStatus.FAIL, 2)
                .containsEntry(RuleStatus.NO_DATA, 0).containsEntry(RuleStatus.WAIT, 0).containsEntry(RuleStatus.ERROR, 0);
        assertThat(backtest.step()).isEqualTo("PT1H");
    }

    @Test
    void the_last_step_is_to_itself_when_the_window_is_a_whole_number_of_steps() {
        Backtest backtest = replay(question(threshold(10, OnNoData.PASS, false), "gamma", FROM.plus(Duration.ofDays(30)),
                HOUR));

        assertThat(backtest.evaluated()).isEqualTo(721);
        assertThat(backtest.steps().getLast().at()).isEqualTo(FROM.plus(Duration.ofDays(30)));
    }

    @Test
    void a_step_whose_store_fails_is_an_error_that_counts_as_a_stop_and_the_other_steps_go_on() {
        errorsByHourEnding.put(FROM, 1.0);
        errorsByHourEnding.put(FROM.plus(HOUR.multipliedBy(2)), 1.0);
        failingAt.add(FROM.plus(HOUR));

        Backtest backtest = replay(question(threshold(10, OnNoData.STOP, false), "gamma", FROM.plus(HOUR.multipliedBy(2)),
                HOUR));

        assertThat(backtest.steps()).extracting(Backtest.Step::status).containsExactly(RuleStatus.PASS, RuleStatus.ERROR,
                RuleStatus.PASS);
        assertThat(backtest.steps().get(1).effect()).isEqualTo(Effect.STOP);
        assertThat(backtest.steps().get(1).message()).isEqualTo("could not be evaluated: the metric store could not be read");
        assertThat(backtest.stopped()).isEqualTo(1);
    }

    @Test
    void a_dry_run_rule_is_counted_as_if_it_were_enforced() {
        errorsByHourEnding.put(FROM, 50.0);

        Backtest backtest = replay(question(threshold(10, OnNoData.STOP, true), "gamma", FROM.plus(HOUR), HOUR));

        assertThat(backtest.steps()).extracting(Backtest.Step::effect).containsExactly(Effect.STOP, Effect.STOP);
        assertThat(backtest.stopped()).isEqualTo(2);
        assertThat(backtest.byStatus()).containsEntry(RuleStatus.FAIL, 1).containsEntry(RuleStatus.NO_DATA, 1);
    }

    @Test
    void no_data_stops_only_when_the_rule_says_so() {
        Backtest backtest = replay(question(threshold(10, OnNoData.WARN, false), "gamma", FROM.plus(HOUR), HOUR));

        assertThat(backtest.steps()).extracting(Backtest.Step::effect).containsOnly(Effect.WARN);
        assertThat(backtest.stopped()).isZero();
        assertThat(backtest.stopRate()).isZero();
    }

    @Test
    void a_bake_time_judges_the_version_the_source_stage_ran_at_each_step_and_waiting_is_no_stop() {
        deployedAt = FROM.plus(Duration.ofMinutes(30));
        succeededAt = FROM.plus(Duration.ofMinutes(90));
        Rule bake = new Rule(BacktestReader.RULE_ID, "Bake", null, Rule.Scope.EVERY_SERVICE, List.of(),
                new BakeTime(HOUR), OnFail.STOP, OnNoData.STOP, false, true);

        Backtest backtest = replay(question(bake, "gamma", FROM.plus(HOUR.multipliedBy(3)), HOUR));

        assertThat(backtest.steps()).extracting(Backtest.Step::version).containsExactly(null, "2.0.0", "2.0.0", "2.0.0");
        assertThat(backtest.steps()).extracting(Backtest.Step::status).containsExactly(RuleStatus.NO_DATA,
                RuleStatus.NO_DATA, RuleStatus.WAIT, RuleStatus.PASS);
        assertThat(backtest.steps().get(2).message()).isEqualTo("baked 30 min in gamma of 1 h; 30 min to go");
        assertThat(backtest.stopped()).isEqualTo(2);
        assertThat(backtest.byStatus()).containsEntry(RuleStatus.WAIT, 1);
    }

    @Test
    void into_the_first_stage_a_rule_about_the_stage_before_passes_at_every_step() {
        Backtest backtest = replay(question(threshold(10, OnNoData.STOP, false), null, FROM.plus(HOUR), HOUR));

        assertThat(backtest.steps()).extracting(Backtest.Step::status).containsOnly(RuleStatus.PASS);
        assertThat(backtest.sourceStage()).isNull();
    }

    /** The facts of one moment, from the history this test sets up. */
    private final class Moment implements PastFacts {

        private final Instant at;

        Moment(Instant at) {
            this.at = at;
        }

        @Override
        public Double aggregate(MetricQuestion question) {
            if (failingAt.contains(at)) {
                throw new IllegalStateException("the metric store could not be read");
            }
            assertThat(question.to()).isEqualTo(at);
            return errorsByHourEnding.get(question.to());
        }

        @Override
        public Optional<String> deployedVersion(String service, String stage) {
            return deployedAt != null && !deployedAt.isAfter(at) ? Optional.of("2.0.0") : Optional.empty();
        }

        @Override
        public Optional<Instant> succeededAt(String service, String stage, String version) {
            return succeededAt != null && !succeededAt.isAfter(at) && "2.0.0".equals(version) ? Optional.of(succeededAt)
                    : Optional.empty();
        }

        @Override
        public List<TestRun> latestTestRuns(String service, String stage, String version) {
            return List.of();
        }

        @Override
        public List<DeploymentStatus> finishedStatuses(String service, String stage, Instant from, Instant to) {
            return List.of();
        }

        @Override
        public List<String> thresholdFailuresSince(String service, String stage, Instant since) {
            return List.of();
        }
    }
}
