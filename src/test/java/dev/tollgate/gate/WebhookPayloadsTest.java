package dev.tollgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tollgate.rules.Effect;
import dev.tollgate.rules.RuleKind;
import dev.tollgate.rules.RuleOutcome;
import dev.tollgate.rules.RuleStatus;
import dev.tollgate.rules.Verdict;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WebhookPayloadsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final WebhookPayloads payloads = new WebhookPayloads(JSON);

    private static RuleOutcome outcome(String name, RuleStatus status, Effect effect, boolean dryRun, String message) {
        return new RuleOutcome("checkout-" + name, 1, name, RuleKind.THRESHOLD, status, effect, dryRun, null, null, message);
    }

    private static GateEvaluated stopped(List<RuleOutcome> results) {
        return new GateEvaluated(new GateEvaluation("e-1", "checkout", "1.4.2", "prod", "gamma", Verdict.Decision.STOP, null,
                Instant.parse("2026-11-26T10:00:00Z"), 42, "https://ci.example/run/7", results, List.of(), null), "shop");
    }

    private JsonNode body(WebhookFormat format, GateEvaluated event) {
        return JSON.readTree(payloads.body(format, event));
    }

    @Test
    void the_json_body_carries_the_event_the_team_the_whole_evaluation_and_its_path() {
        JsonNode body = body(WebhookFormat.JSON, stopped(List.of(
                outcome("error-rate", RuleStatus.FAIL, Effect.STOP, false, "errors sum over PT1H in gamma is 14, above 10"))));

        assertThat(body.path("event").asString()).isEqualTo("gate.evaluation");
        assertThat(body.path("team").asString()).isEqualTo("shop");
        assertThat(body.path("url").asString()).isEqualTo("/api/v1/gate-evaluations/e-1");
        JsonNode evaluation = body.path("evaluation");
        assertThat(evaluation.path("id").asString()).isEqualTo("e-1");
        assertThat(evaluation.path("verdict").asString()).isEqualTo("STOP");
        assertThat(evaluation.path("sourceStage").asString()).isEqualTo("gamma");
        assertThat(evaluation.path("evaluatedAt").asString()).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(evaluation.path("results").path(0).path("message").asString()).contains("above 10");
    }

    @Test
    void the_slack_body_sums_the_verdict_up_in_one_line_and_lists_the_enforced_rules_against_it() {
        JsonNode body = body(WebhookFormat.SLACK, stopped(List.of(
                outcome("error-rate", RuleStatus.FAIL, Effect.STOP, false, "errors sum over PT1H in gamma is 14, above 10"),
                outcome("bake", RuleStatus.PASS, Effect.NONE, false, "baked for PT2H"),
                outcome("latency", RuleStatus.FAIL, Effect.ROLLBACK, true, "p99 latency 900 ms, above 500"),
                outcome("tests", RuleStatus.NO_DATA, Effect.STOP, false, "no test runs of 1.4.2 in gamma"))));

        assertThat(body.path("text").asString()).isEqualTo(":no_entry: STOP checkout 1.4.2 → prod");
        List<JsonNode> blocks = body.path("blocks").values().stream().toList();
        assertThat(blocks).extracting(block -> block.path("type").asString()).containsExactly("section", "section", "context");
        assertThat(blocks.get(0).path("text").path("type").asString()).isEqualTo("mrkdwn");
        assertThat(blocks.get(0).path("text").path("text").asString()).isEqualTo(":no_entry: *STOP* checkout 1.4.2 → prod");
        String reasons = blocks.get(1).path("text").path("text").asString();
        assertThat(reasons).contains("*error-rate* (STOP): errors sum over PT1H in gamma is 14, above 10")
                .contains("*tests* (STOP): no test runs of 1.4.2 in gamma")
                // A pass says nothing against the promotion, and a dry run decides nothing.
                .doesNotContain("bake", "latency");
        assertThat(blocks.get(2).path("elements").path(0).path("text").asString())
                .contains("shop", "/api/v1/gate-evaluations/e-1", "https://ci.example/run/7");
    }

    @Test
    void a_rollback_has_its_own_sign() {
        GateEvaluation stop = stopped(List.of()).evaluation();
        GateEvaluated rollback = new GateEvaluated(new GateEvaluation(stop.id(), stop.service(), stop.version(), stop.stage(),
                stop.sourceStage(), Verdict.Decision.ROLLBACK, null, stop.evaluatedAt(), 1, null, List.of(), List.of(), null),
                "shop");

        assertThat(body(WebhookFormat.SLACK, rollback).path("text").asString()).isEqualTo(":rewind: ROLLBACK checkout 1.4.2 → prod");
    }

    @Test
    void slack_markup_in_a_rule_message_is_shown_not_followed() {
        JsonNode body = body(WebhookFormat.SLACK, stopped(List.of(
                outcome("expr", RuleStatus.ERROR, Effect.STOP, false, "<https://evil.example|click> & <!channel>"))));

        assertThat(body.path("blocks").path(1).path("text").path("text").asString())
                .contains("&lt;https://evil.example|click&gt; &amp; &lt;!channel&gt;").doesNotContain("<");
    }

    @Test
    void a_long_list_of_reasons_is_cut_to_what_slack_accepts() {
        List<RuleOutcome> many = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> outcome("rule-" + i, RuleStatus.FAIL, Effect.STOP, false, "x".repeat(5_000))).toList();

        String reasons = body(WebhookFormat.SLACK, stopped(many)).path("blocks").path(1).path("text").path("text").asString();

        assertThat(reasons.length()).isLessThanOrEqualTo(3000);
        assertThat(reasons).endsWith("…and 20 more");
    }
}
