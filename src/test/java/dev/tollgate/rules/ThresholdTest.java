package dev.tollgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.tollgate.catalog.Aggregation;
import dev.tollgate.rules.Threshold.Of;
import dev.tollgate.rules.Threshold.Operator;
import dev.tollgate.rules.Threshold.RelativeTo;

class ThresholdTest {

    private static final Threshold ERRORS = new Threshold("errors", Aggregation.SUM, Duration.ofHours(1), Operator.GT,
            10, null, Of.SOURCE, null);

    @Test
    void fails_above_the_threshold_naming_the_figure() {
        RuleResult result = ERRORS.evaluate(14.0, null, null, "gamma");

        assertThat(result.status()).isEqualTo(RuleStatus.FAIL);
        assertThat(result.message()).isEqualTo("errors sum over PT1H in gamma is 14, above 10");
        assertThat(result.observed()).isEqualTo(14.0);
        assertThat(result.threshold()).isEqualTo(10.0);
    }

    @Test
    void exactly_at_the_threshold_passes_a_strict_operator_and_fails_an_inclusive_one() {
        assertThat(ERRORS.evaluate(10.0, null, null, "gamma").status()).isEqualTo(RuleStatus.PASS);
        Threshold inclusive = new Threshold("errors", Aggregation.SUM, Duration.ofHours(1), Operator.GE, 10, null,
                Of.SOURCE, null);
        assertThat(inclusive.evaluate(10.0, null, null, "gamma").status()).isEqualTo(RuleStatus.FAIL);
    }

    @Test
    void an_empty_window_is_no_data() {
        assertThat(ERRORS.evaluate(null, null, null, "gamma").status()).isEqualTo(RuleStatus.NO_DATA);
    }

    @Test
    void per_divides_by_the_other_metric_and_no_denominator_is_no_data() {
        Threshold errorRate = new Threshold("errors", Aggregation.SUM, Duration.ofMinutes(15), Operator.GT, 0.01,
                "requests", Of.SOURCE, null);

        RuleResult result = errorRate.evaluate(30.0, 1_000.0, null, "gamma");
        assertThat(result.status()).isEqualTo(RuleStatus.FAIL);
        assertThat(result.observed()).isEqualTo(0.03);
        assertThat(result.message()).isEqualTo("errors per requests sum over PT15M in gamma is 0.03, above 0.01");
        assertThat(errorRate.evaluate(0.0, 0.0, null, "gamma").status()).isEqualTo(RuleStatus.NO_DATA);
        assertThat(errorRate.evaluate(5.0, 1_000.0, null, "gamma").status()).isEqualTo(RuleStatus.PASS);
    }

    @Test
    void relative_to_a_baseline_the_threshold_is_the_factor_times_the_baseline() {
        Threshold latency = new Threshold("latency_ms", Aggregation.P99, Duration.ofHours(1), Operator.GT, 0, null,
                Of.TARGET, new RelativeTo(Duration.ofDays(7), 1.5));

        RuleResult slower = latency.evaluate(320.0, null, 200.0, "prod");
        assertThat(slower.status()).isEqualTo(RuleStatus.FAIL);
        assertThat(slower.threshold()).isEqualTo(300.0);
        assertThat(slower.message()).isEqualTo("latency_ms p99 over PT1H in prod is 320, above 300 (1.5 × 200 over the P7D before)");
        assertThat(latency.evaluate(290.0, null, 200.0, "prod").status()).isEqualTo(RuleStatus.PASS);
        assertThat(latency.evaluate(290.0, null, null, "prod").status()).isEqualTo(RuleStatus.NO_DATA);
    }

    @Test
    void figures_read_with_four_significant_digits_and_no_trailing_zeros() {
        assertThat(Threshold.format(14.0)).isEqualTo("14");
        assertThat(Threshold.format(0.05)).isEqualTo("0.05");
        assertThat(Threshold.format(-0.0312345)).isEqualTo("-0.03123");
        assertThat(Threshold.format(12.00004)).isEqualTo("12");
        assertThat(Threshold.format(99.5)).isEqualTo("99.5");
        assertThat(Threshold.format(1234.5)).isEqualTo("1235");
        assertThat(Threshold.format(1.5e20)).isEqualTo("1.500e+20");
        assertThat(Threshold.format(0.00001)).isEqualTo("1.000e-05");
    }
}
