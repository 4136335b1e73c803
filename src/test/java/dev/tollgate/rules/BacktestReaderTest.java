package dev.tollgate.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Violation;
import dev.tollgate.api.Violations;
import dev.tollgate.catalog.ServiceDefinition;
import dev.tollgate.security.Caller;
import dev.tollgate.security.Scope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The body of {@code POST /api/v1/rules/backtest} read into a question, or refused naming every fault. */
class BacktestReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Map<String, ServiceDefinition> CATALOG = Map.of("ledger",
            new ServiceDefinition("ledger", "payments", "Ledger", List.of("beta", "gamma", "prod"), NOW, NOW));
    private static final Caller READER = new Caller("token:reader", Set.of(Scope.READ), null, false);
    private static final String RULE = """
            {"name": "Errors", "kind": "THRESHOLD", "stages": ["prod"],
             "params": {"metric": "errors", "aggregation": "sum", "window": "PT1H", "operator": ">", "threshold": 10}}""";

    private Optional<Backtest.Question> read(String body, Caller caller, Violations violations) {
        return new BacktestReader(violations, id -> Optional.ofNullable(CATALOG.get(id)), caller)
                .read(JSON.readTree(body), NOW);
    }

    private List<String> faultsOf(String body) {
        Violations violations = new Violations();
        assertThat(read(body, READER, violations)).isEmpty();
        try {
            violations.throwIfAny("refused");
        } catch (InvalidInputException refused) {
            return refused.violations().stream().map(Violation::pointer).toList();
        }
        return List.of();
    }

    @Test
    void a_question_names_the_stage_before_and_the_team_and_takes_now_and_an_hour_when_to_and_step_are_left_out() {
        Backtest.Question question = read("""
                {"rule": %s, "service": "ledger", "stage": "prod", "from": "2026-11-25T12:00:00Z"}""".formatted(RULE),
                READER, new Violations()).orElseThrow();

        assertThat(question.sourceStage()).isEqualTo("gamma");
        assertThat(question.team()).isEqualTo("payments");
        assertThat(question.to()).isEqualTo(NOW);
        assertThat(question.step()).isEqualTo(Duration.ofHours(1));
        assertThat(question.rule().id()).isEqualTo(BacktestReader.RULE_ID);
    }

    @Test
    void times_may_be_epoch_milliseconds_and_steps_short_forms() {
        Backtest.Question question = read("""
                {"rule": %s, "service": "ledger", "stage": "prod", "from": %d, "to": %d, "step": "15m"}"""
                .formatted(RULE, NOW.minus(Duration.ofDays(1)).toEpochMilli(), NOW.toEpochMilli()), READER,
                new Violations()).orElseThrow();

        assertThat(question.from()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(question.step()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void every_fault_is_named_at_its_pointer_the_rule_s_under_rule() {
        assertThat(faultsOf("""
                {"rule": {"name": "", "kind": "THRESHOLD", "params": {}}, "service": "ledger", "stage": "qa",
                 "from": "yesterday", "step": "PT10S", "colour": "red"}""")).contains("/rule/name", "/rule/params/metric",
                "/stage", "/from", "/step", "/colour");
        assertThat(faultsOf("{\"service\": \"nowhere\", \"stage\": \"prod\"}")).containsExactly("/rule", "/service", "/from");
        assertThat(faultsOf("[]")).containsExactly("/");
    }

    @Test
    void a_rule_that_would_not_gate_the_promotion_is_refused() {
        String otherStage = RULE.replace("\"prod\"", "\"gamma\"");
        assertThat(faultsOf("""
                {"rule": %s, "service": "ledger", "stage": "prod", "from": "2026-11-25T12:00:00Z"}""".formatted(otherStage)))
                .containsExactly("/rule/stages");
        String otherTeam = RULE.replace("\"kind\"", "\"scope\": {\"team\": \"search\"}, \"kind\"");
        assertThat(faultsOf("""
                {"rule": %s, "service": "ledger", "stage": "prod", "from": "2026-11-25T12:00:00Z"}""".formatted(otherTeam)))
                .containsExactly("/rule/scope");
    }

    @Test
    void the_window_is_past_ordered_and_within_the_limits() {
        assertThat(faultsOf(body("2026-11-26T12:00:00Z", "2026-11-26T11:00:00Z", "PT1H"))).containsExactly("/from");
        assertThat(faultsOf(body("2026-11-26T11:00:00Z", "2026-11-26T13:00:00Z", "PT1H"))).containsExactly("/to");
        assertThat(faultsOf(body("2026-08-01T00:00:00Z", "2026-11-26T00:00:00Z", "P1D"))).containsExactly("/from");
        assertThat(faultsOf(body("2026-11-01T00:00:00Z", "2026-11-26T00:00:00Z", "PT1M"))).containsExactly("/step");
        assertThat(read(body("2026-08-28T00:00:00Z", "2026-11-26T00:00:00Z", "PT2H"), READER, new Violations())).isPresent();
    }

    @Test
    void a_caller_bound_to_another_team_may_not_backtest_its_services() {
        Caller otherTeam = new Caller("token:search", Set.of(Scope.READ), Set.of("search"), false);

        assertThatThrownBy(() -> read(body("2026-11-25T12:00:00Z", "2026-11-26T12:00:00Z", "PT1H"), otherTeam,
                new Violations())).isInstanceOf(AccessDeniedException.class);
    }

    private static String body(String from, String to, String step) {
        return """
                {"rule": %s, "service": "ledger", "stage": "prod", "from": "%s", "to": "%s", "step": "%s"}"""
                .formatted(RULE, from, to, step);
    }
}
