package dev.tollgate.rules;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.HttpApiTest;
import tools.jackson.databind.JsonNode;

/** API.md "Rules": {@code PUT/GET/DELETE /api/v1/rules/{rule}} and {@code GET /api/v1/rules}. */
@HttpApiTest
class RuleApiIT {

    @LocalServerPort
    int port;

    @Autowired
    RuleRepository repository;

    private ApiClient api;
    private String team;
    private String service;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        team = api.createTeam(unique("payments"));
        service = api.createService(unique("ledger"), team, "beta", "gamma", "prod");
    }

    private static String errorRate(String scope) {
        return """
                {"name": "Error rate", "scope": %s, "stages": ["prod"], "kind": "THRESHOLD",
                 "params": {"metric": "errors", "aggregation": "sum", "window": "PT15M", "operator": ">",
                            "threshold": 0.01, "per": "requests"}}""".formatted(scope);
    }

    @Test
    void a_rule_is_created_read_replaced_listed_and_deleted_each_change_a_version() {
        String id = unique("error-rate");
        ApiResponse created = api.put("/api/v1/rules/" + id).asAdmin()
                .json(errorRate("{\"service\": \"" + service + "\"}")).send().expectStatus(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/rules/" + id);
        JsonNode rule = created.json();
        assertThat(rule.path("version").asInt()).isEqualTo(1);
        assertThat(rule.path("onFail").asString()).isEqualTo("STOP");
        assertThat(rule.path("onNoData").asString()).isEqualTo("STOP");
        assertThat(rule.path("mode").asString()).isEqualTo("ENFORCE");
        assertThat(rule.path("params").path("per").asString()).isEqualTo("requests");

        ApiResponse replaced = api.put("/api/v1/rules/" + id).asAdmin()
                .json(errorRate("{\"team\": \"" + team + "\"}")).send().expectStatus(200);
        assertThat(replaced.json().path("version").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/rules/" + id).asAdmin().send().expectStatus(200).json().path("scope").path("team")
                .asString()).isEqualTo(team);
        List<String> ofTeam = ids(api.get("/api/v1/rules?team=" + team).asAdmin().send().expectStatus(200).json());
        assertThat(ofTeam).containsExactly(id);

        api.delete("/api/v1/rules/" + id).asAdmin().send().expectStatus(204);
        api.get("/api/v1/rules/" + id).asAdmin().send().expectProblem(404);
        // Every version is kept, the deletion too: an evaluation can name what a rule said then.
        assertThat(repository.documentAt(id, 1)).get().asString().contains("\"service\":\"" + service + "\"");
        assertThat(repository.documentAt(id, 2)).get().asString().contains("\"team\":\"" + team + "\"");
        assertThat(repository.documentAt(id, 3)).isEmpty();
        ApiResponse again = api.put("/api/v1/rules/" + id).asAdmin().json(errorRate("{}")).send().expectStatus(201);
        assertThat(again.json().path("version").asInt()).isEqualTo(4);
    }

    @Test
    void a_bad_rule_is_refused_whole_naming_every_fault() {
        String id = unique("bad");
        api.put("/api/v1/rules/" + id).asAdmin().json("""
                {"name": "", "scope": {"service": "no-such-service"}, "kind": "EXPRESSION",
                 "params": {"expression": "sum('errors', '1h') >"}}""").send()
                .expectRefusedAt("/name", "/params/expression");
        api.put("/api/v1/rules/" + id).asAdmin().json("""
                {"name": "Ghost", "scope": {"service": "no-such-service"}, "kind": "PROMOTION_ORDER"}""").send()
                .expectRefusedAt("/scope/service");
        api.get("/api/v1/rules/" + id).asAdmin().send().expectProblem(404);
    }

    @Test
    void a_team_bound_admin_writes_its_team_s_rules_only_and_cannot_take_over_another_s() {
        String other = api.createTeam(unique("checkout"));
        String theirs = unique("theirs");
        api.put("/api/v1/rules/" + theirs).asAdmin().json(errorRate("{\"team\": \"" + other + "\"}")).send().expectStatus(201);
        String lead = api.createToken(team, "admin", "read");

        api.put("/api/v1/rules/" + unique("mine")).token(lead).json(errorRate("{\"team\": \"" + team + "\"}")).send()
                .expectStatus(201);
        api.put("/api/v1/rules/" + theirs).token(lead).json(errorRate("{\"team\": \"" + team + "\"}")).send()
                .expectProblem(403);
        api.put("/api/v1/rules/" + unique("everyone")).token(lead).json(errorRate("{}")).send().expectProblem(403);
        api.get("/api/v1/rules/" + theirs).token(lead).send().expectProblem(403);
        assertThat(ids(api.get("/api/v1/rules").token(lead).send().expectStatus(200).json())).doesNotContain(theirs);
    }

    private static List<String> ids(JsonNode rules) {
        return rules.valueStream().map(rule -> rule.path("id").asString()).toList();
    }
}
