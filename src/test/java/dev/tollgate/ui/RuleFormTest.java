package dev.tollgate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON the rule editor writes: a rule as the API answers it, opened in the editor and saved
 * unchanged, is the same rule (every kind's params form reads and writes all of its fields), and a
 * new rule starts from API.md's defaults.
 */
class RuleFormTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TeamChoices TEAMS = new TeamChoices(Map.of("payments", "Payments"));
    private static final List<String> SERVICES = List.of("checkout", "refunds");
    private static final List<String> METRICS = List.of("errors", "requests", "latency_ms");

    @ParameterizedTest
    @ValueSource(strings = {
            """
            {"name": "Error rate", "description": "Errors per request in the stage left behind",
             "scope": {"service": "checkout"}, "stages": ["gamma", "prod"], "kind": "THRESHOLD",
             "params": {"metric": "errors", "aggregation": "sum", "window": "PT1H", "operator": ">",
                        "threshold": 0.01, "per": "requests", "of": "SOURCE"},
             "onFail": "STOP", "onNoData": "WAIT", "mode": "DRY_RUN", "enabled": true}""",
            """
            {"name": "Latency against last week", "scope": {"team": "payments"}, "stages": [], "kind": "THRESHOLD",
             "params": {"metric": "latency_ms", "aggregation": "p99", "window": "PT1H", "operator": ">=",
                        "relativeTo": {"window": "P7D", "factor": 1.5}, "of": "TARGET"},
             "onFail": "WARN", "onNoData": "PASS", "mode": "ENFORCE", "enabled": false}""",
            """
            {"name": "Bake", "scope": {}, "stages": ["prod"], "kind": "BAKE_TIME", "params": {"duration": "PT1H"},
             "onFail": "STOP", "onNoData": "STOP", "mode": "ENFORCE", "enabled": true}""",
            """
            {"name": "Order", "scope": {}, "stages": [], "kind": "PROMOTION_ORDER", "params": {},
             "onFail": "STOP", "onNoData": "STOP", "mode": "ENFORCE", "enabled": true}""",
            """
            {"name": "Tests", "scope": {"team": "payments"}, "stages": ["prod"], "kind": "TESTS_PASSED",
             "params": {"suites": ["e2e", "integration"]},
             "onFail": "ROLLBACK", "onNoData": "WAIT", "mode": "ENFORCE", "enabled": true}""",
            """
            {"name": "Office hours", "scope": {}, "stages": ["prod"], "kind": "DEPLOYMENT_WINDOW",
             "params": {"timezone": "Europe/Berlin",
                        "allow": [{"days": ["MON", "TUE", "WED"], "from": "09:00", "to": "16:00"},
                                  {"days": ["SAT"], "from": "22:00", "to": "06:00"}],
                        "deny": ["2026-12-24", "2026-12-31"]},
             "onFail": "STOP", "onNoData": "STOP", "mode": "ENFORCE", "enabled": true}""",
            """
            {"name": "Failure rate", "scope": {"service": "refunds"}, "stages": ["prod"], "kind": "CHANGE_FAILURE_RATE",
             "params": {"window": "P30D", "max": 0.15},
             "onFail": "STOP", "onNoData": "PASS", "mode": "ENFORCE", "enabled": true}""",
            """
            {"name": "Errors per request", "scope": {}, "stages": ["prod"], "kind": "EXPRESSION",
             "params": {"expression": "sum(\\"errors\\", \\"1h\\") / sum(\\"requests\\", \\"1h\\") > 0.01"},
             "onFail": "STOP", "onNoData": "STOP", "mode": "DRY_RUN", "enabled": true}"""
    })
    void a_rule_opened_and_saved_unchanged_is_written_as_it_was_read(String body) {
        ObjectNode stored = (ObjectNode) JSON.readTree(body);
        ObjectNode answered = stored.deepCopy();
        answered.put("id", "some-rule");
        answered.put("version", 4);
        answered.put("updatedAt", "2026-11-26T10:00:00Z");

        ObjectNode written = new RuleForm(null, TEAMS, SERVICES, METRICS, answered, null, saved -> {
        }).rule();

        assertThat(written).isEqualTo(stored);
    }

    @Test
    void a_new_rule_starts_as_an_enforced_threshold_for_every_service_and_stage() {
        ObjectNode written = new RuleForm(null, TEAMS, SERVICES, METRICS, null, null, saved -> {
        }).rule();

        assertThat(written).isEqualTo(JSON.readTree("""
                {"name": "", "scope": {}, "stages": [], "kind": "THRESHOLD",
                 "params": {"aggregation": "sum", "operator": ">", "of": "SOURCE"},
                 "onFail": "STOP", "onNoData": "STOP", "mode": "ENFORCE", "enabled": true}"""));
    }

    @Test
    void numbers_are_written_as_numbers_and_what_is_no_number_as_typed_for_the_service_to_name() {
        ObjectNode json = RuleParamsForm.object();
        RuleParamsForm.putNumber(json, "threshold", " 2.5 ");
        RuleParamsForm.putNumber(json, "max", "ten");
        RuleParamsForm.putNumber(json, "factor", "  ");

        JsonNode expected = JSON.readTree("{\"threshold\": 2.5, \"max\": \"ten\"}");
        assertThat(json).isEqualTo(expected);
    }
}
