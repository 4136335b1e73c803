package dev.tollgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Violation;
import dev.tollgate.api.Violations;
import dev.tollgate.catalog.Aggregation;
import tools.jackson.databind.json.JsonMapper;

class RuleParamsReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_threshold_reads_every_field_with_defaults() {
        Threshold rate = (Threshold) read(RuleKind.THRESHOLD, """
                {"metric": "errors", "aggregation": "sum", "window": "PT15M", "operator": ">", "threshold": 0.01,
                 "per": "requests"}""").orElseThrow();

        assertThat(rate).isEqualTo(new Threshold("errors", Aggregation.SUM, Duration.ofMinutes(15), Threshold.Operator.GT,
                0.01, "requests", Threshold.Of.SOURCE, null));
    }

    @Test
    void a_relative_threshold_needs_no_fixed_one() {
        Threshold latency = (Threshold) read(RuleKind.THRESHOLD, """
                {"metric": "latency_ms", "aggregation": "p99", "window": "1h", "operator": ">=", "of": "TARGET",
                 "relativeTo": {"window": "P7D", "factor": 1.5}}""").orElseThrow();

        assertThat(latency.relativeTo()).isEqualTo(new Threshold.RelativeTo(Duration.ofDays(7), 1.5));
        assertThat(latency.of()).isEqualTo(Threshold.Of.TARGET);
    }

    @Test
    void every_fault_of_a_threshold_is_named_at_its_pointer() {
        assertThat(faults(RuleKind.THRESHOLD, """
                {"metric": "9errors", "aggregation": "median", "window": "soon", "operator": "=>", "thresold": 10}"""))
                .containsExactlyInAnyOrder("/params/thresold", "/params/metric", "/params/aggregation", "/params/window",
                        "/params/operator", "/params/threshold");
    }

    @Test
    void a_deployment_window_reads_zones_days_times_and_deny_dates() {
        DeploymentWindow window = (DeploymentWindow) read(RuleKind.DEPLOYMENT_WINDOW, """
                {"timezone": "Europe/Berlin", "allow": [{"days": ["MON", "tue"], "from": "09:00", "to": "16:00"}],
                 "deny": ["2026-12-24"]}""").orElseThrow();

        assertThat(window.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(window.allow()).containsExactly(new DeploymentWindow.Allowed(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
                LocalTime.of(9, 0), LocalTime.of(16, 0)));
        assertThat(window.deny()).containsExactly(LocalDate.of(2026, 12, 24));
        assertThat(faults(RuleKind.DEPLOYMENT_WINDOW, """
                {"timezone": "Mars/Olympus", "allow": [{"days": ["MONDAY"], "from": "9", "to": "16:00"}],
                 "deny": ["24.12.2026"]}""")).containsExactlyInAnyOrder("/params/timezone", "/params/allow/0/days/0",
                "/params/allow/0/from", "/params/deny/0");
    }

    @Test
    void the_other_kinds_read_their_params_and_refuse_what_they_do_not_take() {
        assertThat(read(RuleKind.BAKE_TIME, "{\"duration\": \"PT1H\"}")).contains(new BakeTime(Duration.ofHours(1)));
        assertThat(read(RuleKind.PROMOTION_ORDER, "{}")).contains(new PromotionOrder());
        assertThat(read(RuleKind.PROMOTION_ORDER, null)).contains(new PromotionOrder());
        assertThat(read(RuleKind.TESTS_PASSED, "{\"suites\": [\"e2e\"]}")).contains(new TestsPassed(Set.of("e2e")));
        assertThat(read(RuleKind.CHANGE_FAILURE_RATE, "{\"window\": \"P30D\", \"max\": 0.15}"))
                .contains(new ChangeFailureRate(Duration.ofDays(30), 0.15));
        assertThat(faults(RuleKind.CHANGE_FAILURE_RATE, "{\"window\": \"P30D\", \"max\": 15}")).containsExactly("/params/max");
        assertThat(faults(RuleKind.BAKE_TIME, "{}")).containsExactly("/params/duration");
        assertThat(faults(RuleKind.PROMOTION_ORDER, "{\"stage\": \"gamma\"}")).containsExactly("/params/stage");
        assertThat(faults(RuleKind.TESTS_PASSED, "[]")).containsExactly("/params");
    }

    @Test
    void an_expression_is_compiled_and_its_fault_placed() {
        assertThat(read(RuleKind.EXPRESSION, "{\"expression\": \"sum('errors', '1h') > 10\"}")).isPresent();
        Violations violations = new Violations();
        new RuleParamsReader(violations).read(RuleKind.EXPRESSION, JSON.readTree("{\"expression\": \"sum('errors', '1h') >\"}"));
        try {
            violations.throwIfAny("refused");
        } catch (InvalidInputException e) {
            Violation fault = e.violations().get(0);
            assertThat(fault.pointer()).isEqualTo("/params/expression");
            assertThat(fault.message()).startsWith("line 1, column ");
            return;
        }
        throw new AssertionError("a broken expression was taken");
    }

    private static Optional<RuleParams> read(RuleKind kind, String params) {
        return new RuleParamsReader(new Violations()).read(kind, params == null ? null : JSON.readTree(params));
    }

    private static List<String> faults(RuleKind kind, String params) {
        Violations violations = new Violations();
        Optional<RuleParams> read = new RuleParamsReader(violations).read(kind, JSON.readTree(params));
        assertThat(read).isEmpty();
        try {
            violations.throwIfAny("refused");
        } catch (InvalidInputException e) {
            return e.violations().stream().map(Violation::pointer).toList();
        }
        return List.of();
    }
}
