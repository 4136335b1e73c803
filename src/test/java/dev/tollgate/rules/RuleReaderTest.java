package dev.tollgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Violation;
import dev.tollgate.api.Violations;
import tools.jackson.databind.json.JsonMapper;

class RuleReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_rule_reads_with_the_defaults_of_api_md() {
        Rule bake = read("bake-prod", """
                {"name": " Bake an hour in gamma ", "stages": ["prod"], "kind": "BAKE_TIME",
                 "params": {"duration": "PT1H"}}""").orElseThrow();

        assertThat(bake).isEqualTo(new Rule("bake-prod", "Bake an hour in gamma", null, Rule.Scope.EVERY_SERVICE,
                List.of("prod"), new BakeTime(Duration.ofHours(1)), OnFail.STOP, OnNoData.STOP, false, true));
    }

    @Test
    void test_failures_roll_back_unless_the_rule_says_otherwise() {
        assertThat(read("tests", "{\"name\": \"Tests\", \"kind\": \"TESTS_PASSED\"}").orElseThrow().onFail())
                .isEqualTo(OnFail.ROLLBACK);
        assertThat(read("tests", "{\"name\": \"Tests\", \"kind\": \"TESTS_PASSED\", \"onFail\": \"WARN\"}").orElseThrow()
                .onFail()).isEqualTo(OnFail.WARN);
    }

    @Test
    void scope_mode_and_switches_are_read() {
        Rule rule = read("order", """
                {"name": "Order", "scope": {"team": "payments"}, "kind": "PROMOTION_ORDER", "onNoData": "WAIT",
                 "mode": "DRY_RUN", "enabled": false}""").orElseThrow();

        assertThat(rule.scope()).isEqualTo(new Rule.Scope("payments", null));
        assertThat(rule.onNoData()).isEqualTo(OnNoData.WAIT);
        assertThat(rule.dryRun()).isTrue();
        assertThat(rule.enabled()).isFalse();
    }

    @Test
    void every_fault_of_a_rule_is_named_at_its_pointer() {
        assertThat(faults("Bad Id", """
                {"name": "", "scope": {"team": "payments", "service": "ledger"}, "stages": ["Prod"], "kind": "BAKE_TIME",
                 "params": {"duration": "forever"}, "onFail": "PANIC", "mode": "LOUD", "enabled": "yes", "owner": "me"}"""))
                .containsExactlyInAnyOrder("/id", "/owner", "/name", "/scope", "/stages/0", "/params/duration",
                        "/onFail", "/mode", "/enabled");
        assertThat(faults("x", "{\"name\": \"x\"}")).containsExactly("/kind");
        assertThat(faults("x", "[]")).containsExactly("/");
    }

    private static Optional<Rule> read(String id, String body) {
        return new RuleReader(new Violations()).read(id, JSON.readTree(body));
    }

    private static List<String> faults(String id, String body) {
        Violations violations = new Violations();
        assertThat(new RuleReader(violations).read(id, JSON.readTree(body))).isEmpty();
        try {
            violations.throwIfAny("refused");
        } catch (InvalidInputException e) {
            return e.violations().stream().map(Violation::pointer).toList();
        }
        return List.of();
    }
}
