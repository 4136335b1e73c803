package dev.tollgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tollgate.api.Violations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A rule written as JSON reads back as the same rule, for every kind. */
class RuleWriterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {
        """
        {"name": "Error rate", "description": "Errors per request in the stage left", "scope": {"team": "payments"},
         "stages": ["prod"], "kind": "THRESHOLD", "params": {"metric": "errors", "aggregation": "sum", "window": "PT15M",
         "operator": ">", "threshold": 0.01, "per": "requests"}, "onNoData": "PASS"}""",
        """
        {"name": "Latency", "kind": "THRESHOLD", "params": {"metric": "latency_ms", "aggregation": "p99",
         "window": "1h", "operator": ">=", "of": "TARGET", "relativeTo": {"window": "P7D", "factor": 1.5}}}""",
        """
        {"name": "Bake", "scope": {"service": "ledger"}, "kind": "BAKE_TIME", "params": {"duration": "P1D"},
         "mode": "DRY_RUN", "enabled": false}""",
        """
        {"name": "Order", "kind": "PROMOTION_ORDER"}""",
        """
        {"name": "Tests", "kind": "TESTS_PASSED", "params": {"suites": ["unit", "e2e"]}}""",
        """
        {"name": "Office hours", "kind": "DEPLOYMENT_WINDOW", "params": {"timezone": "Europe/Berlin",
         "allow": [{"days": ["FRI", "MON"], "from": "09:30", "to": "16:00"}, {"days": ["SAT"], "from": "22:00", "to": "02:00"}],
         "deny": ["2026-12-31", "2026-12-24"]}}""",
        """
        {"name": "CFR", "kind": "CHANGE_FAILURE_RATE", "params": {"window": "P30D", "max": 0.15}, "onFail": "WARN"}""",
        """
        {"name": "Expression", "kind": "EXPRESSION", "params": {"expression": "sum('errors', '1h') > 10"}}"""
    })
    void a_rule_written_reads_back_the_same(String body) {
        Rule rule = read("rule", JSON.readTree(body));

        ObjectNode written = RuleWriter.write(rule);

        assertThat(written.path("id").asString()).isEqualTo("rule");
        ObjectNode withoutId = written.deepCopy();
        withoutId.remove("id");
        assertThat(read("rule", withoutId)).isEqualTo(rule);
    }

    private static Rule read(String id, JsonNode body) {
        Violations violations = new Violations();
        Rule rule = new RuleReader(violations).read(id, body).orElse(null);
        violations.throwIfAny("refused");
        return rule;
    }
}
