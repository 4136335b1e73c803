package dev.tollgate.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.tollgate.catalog.Aggregation;
import dev.tollgate.rules.MetricExpression.InvalidExpression;
import dev.tollgate.rules.MetricExpression.Question;
import dev.tollgate.rules.Threshold.Of;

class MetricExpressionTest {

    private static final Question ERRORS = new Question(Aggregation.SUM, "errors", Duration.ofHours(1), Of.SOURCE);
    private static final Question REQUESTS = new Question(Aggregation.SUM, "requests", Duration.ofHours(1), Of.SOURCE);

    @Test
    void an_error_rate_above_one_percent_fails() throws InvalidExpression {
        MetricExpression rate = MetricExpression.compile("sum(\"errors\", \"1h\") / sum(\"requests\", \"1h\") > 0.01");

        assertThat(rate.questions()).containsExactlyInAnyOrder(ERRORS, REQUESTS);
        assertThat(rate.evaluate(Map.of(ERRORS, 30.0, REQUESTS, 1_000.0)).status()).isEqualTo(RuleStatus.FAIL);
        assertThat(rate.evaluate(Map.of(ERRORS, 5.0, REQUESTS, 1_000.0)).status()).isEqualTo(RuleStatus.PASS);
    }

    @Test
    void the_same_question_asked_twice_is_one_question() throws InvalidExpression {
        MetricExpression twice = MetricExpression.compile("p99(\"latency_ms\", \"15m\") > 500 || p99(\"latency_ms\", \"PT15M\") < 1");

        assertThat(twice.questions()).containsExactly(new Question(Aggregation.P99, "latency_ms", Duration.ofMinutes(15),
                Of.SOURCE));
    }

    @Test
    void one_question_written_two_ways_is_answered_in_both_places() throws InvalidExpression {
        MetricExpression twice = MetricExpression.compile(
                "p99(\"latency_ms\", \"15m\") > 500 || p99(\"latency_ms\", \"PT15M\", \"Source\") < 1");
        Question latency = new Question(Aggregation.P99, "latency_ms", Duration.ofMinutes(15), Of.SOURCE);

        assertThat(twice.evaluate(Map.of(latency, 600.0)).status()).isEqualTo(RuleStatus.FAIL);
        assertThat(twice.evaluate(Map.of(latency, 0.5)).status()).isEqualTo(RuleStatus.FAIL);
        assertThat(twice.evaluate(Map.of(latency, 200.0)).status()).isEqualTo(RuleStatus.PASS);
    }

    @Test
    void evaluations_at_once_on_many_threads_each_see_their_own_answers() throws Exception {
        // The gate evaluates one rule's expression for many requests at the same time.
        MetricExpression rate = MetricExpression.compile("sum(\"errors\", \"1h\") / sum(\"requests\", \"1h\") > 0.01");
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> right = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                boolean failing = i % 2 == 0;
                Map<Question, Double> answers = Map.of(ERRORS, failing ? 30.0 + i : 5.0, REQUESTS, 1_000.0 + i);
                right.add(threads.submit(() -> rate.evaluate(answers).status()
                        == (failing ? RuleStatus.FAIL : RuleStatus.PASS)));
            }
            for (Future<Boolean> each : right) {
                assertThat(each.get()).isTrue();
            }
        }
    }

    @Test
    void a_third_argument_asks_the_target_stage_or_the_team() throws InvalidExpression {
        MetricExpression both = MetricExpression.compile(
                "rate(\"errors\", \"5m\", \"target\") > 2.0 * rate(\"errors\", \"7d\", \"team\")");
        Question target = new Question(Aggregation.RATE, "errors", Duration.ofMinutes(5), Of.TARGET);
        Question team = new Question(Aggregation.RATE, "errors", Duration.ofDays(7), Of.TEAM);

        assertThat(both.questions()).containsExactlyInAnyOrder(target, team);
        assertThat(both.evaluate(Map.of(target, 3.0, team, 1.0)).status()).isEqualTo(RuleStatus.FAIL);
    }

    @Test
    void an_aggregate_without_data_makes_no_data_and_a_division_by_zero_an_error() throws InvalidExpression {
        MetricExpression rate = MetricExpression.compile("sum(\"errors\", \"1h\") / sum(\"requests\", \"1h\") > 0.01");
        Map<Question, Double> partial = new HashMap<>();
        partial.put(ERRORS, 3.0);

        RuleResult noData = rate.evaluate(partial);
        assertThat(noData.status()).isEqualTo(RuleStatus.NO_DATA);
        assertThat(noData.message()).contains("sum(\"requests\", \"PT1H\")");
        // Doubles divide to infinity in CEL; integers by zero are an error.
        MetricExpression integers = MetricExpression.compile("int(sum(\"errors\", \"1h\")) / int(sum(\"requests\", \"1h\")) > 0");
        assertThat(integers.evaluate(Map.of(ERRORS, 3.0, REQUESTS, 0.0)).status()).isEqualTo(RuleStatus.ERROR);
    }

    @Test
    void a_syntax_error_is_refused_with_its_position() {
        assertThatThrownBy(() -> MetricExpression.compile("sum(\"errors\", \"1h\") >"))
                .isInstanceOfSatisfying(InvalidExpression.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isGreaterThan(19);
                });
    }

    @Test
    void a_type_error_and_a_non_boolean_are_refused() {
        assertThatThrownBy(() -> MetricExpression.compile("sum(\"errors\", \"1h\") > \"many\""))
                .isInstanceOf(InvalidExpression.class);
        assertThatThrownBy(() -> MetricExpression.compile("sum(\"errors\", \"1h\")")).isInstanceOf(InvalidExpression.class);
        assertThatThrownBy(() -> MetricExpression.compile("unknown(\"errors\", \"1h\") > 1"))
                .isInstanceOf(InvalidExpression.class);
    }

    @Test
    void arguments_are_literals_naming_a_metric_a_window_and_whose() {
        assertThatThrownBy(() -> MetricExpression.compile("sum(\"err\" + \"ors\", \"1h\") > 1"))
                .isInstanceOfSatisfying(InvalidExpression.class, e -> {
                    assertThat(e.getMessage()).contains("string literals");
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isBetween(5, 11);
                });
        assertThatThrownBy(() -> MetricExpression.compile("sum(\"9errors\", \"1h\") > 1"))
                .hasMessageContaining("'9errors' is no metric key");
        assertThatThrownBy(() -> MetricExpression.compile("sum(\"errors\", \"an hour\") > 1"))
                .isInstanceOfSatisfying(InvalidExpression.class, e -> {
                    assertThat(e.getMessage()).contains("'an hour' is no window");
                    assertThat(e.column()).isEqualTo(15);
                });
        assertThatThrownBy(() -> MetricExpression.compile("sum(\"errors\", \"1h\", \"prod\") > 1"))
                .hasMessageContaining("'prod' is none of source, target and team");
        assertThatThrownBy(() -> MetricExpression.compile(" ")).isInstanceOf(InvalidExpression.class);
    }
}
