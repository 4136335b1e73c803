package dev.tollgate.gate;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.HttpApiTest;
import dev.tollgate.testing.TestClock;
import tools.jackson.databind.JsonNode;

/** API.md "Promotion gate": what the gate refuses, what it keeps and lists, and overrides' limits. */
@HttpApiTest
class GateApiIT {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    private ApiClient api;
    private String team;
    private String service;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        team = api.createTeam(unique("gate"));
        service = api.createService(unique("svc"), team, "beta", "gamma", "prod");
    }

    private ApiResponse ask(String body) {
        return api.post("/api/v1/gate-evaluations").asAdmin().json(body).send();
    }

    private JsonNode ask(String version, String stage) {
        return ask("{\"service\": \"" + service + "\", \"version\": \"" + version + "\", \"stage\": \"" + stage + "\"}")
                .expectStatus(201).json();
    }

    @Test
    void a_question_with_faults_is_refused_naming_each() {
        ask("{\"service\": \"No Such\", \"version\": \" bad\", \"stage\": \"prod\", \"pipelineRun\": \"" + "x".repeat(513) + "\"}")
                .expectRefusedAt("/service", "/version", "/pipelineRun");
        ask("{\"service\": \"" + unique("missing") + "\", \"version\": \"1.0\", \"stage\": \"prod\"}")
                .expectRefusedAt("/service");
        ApiResponse stage = ask("{\"service\": \"" + service + "\", \"version\": \"1.0\", \"stage\": \"staging\"}")
                .expectRefusedAt("/stage");
        assertThat(stage.errorAt("/stage")).contains("beta, gamma, prod");
        ask("{\"service\": \"" + service + "\", \"stage\": \"prod\"}").expectRefusedAt("/version");
        ask("{\"service\": \"" + service + "\", \"version\": \"1.0\", \"stage\": \"prod\", \"surprise\": 1}").expectProblem(400);
        assertThat(api.get("/api/v1/gate-evaluations?service=" + service).asAdmin().send().expectStatus(200).json().values())
                .isEmpty();
    }

    @Test
    void a_body_or_a_parameter_it_cannot_read_is_refused_as_any_other_json_endpoint_refuses_it() {
        String question = "{\"service\": \"" + service + "\", \"version\": \"1.0\", \"stage\": \"prod\"}";
        String gate = "/api/v1/gate-evaluations";

        assertThat(ask("").expectRefusedAt("/").errorAt("/")).contains("missing");
        assertThat(ask("null").expectRefusedAt("/").errorAt("/")).contains("missing");
        assertThat(ask("{\"service\": ").expectProblem(400).json().path("detail").asString())
                .startsWith("The request body could not be read");
        assertThat(ask("{\"service\": \"" + service + "\", \"version\": 1, \"stage\": \"prod\"}").expectProblem(400)
                .errorPointers()).containsExactly("/version");
        api.post(gate).asAdmin().body("text/plain", question).send().expectProblem(415);
        api.post(gate).asAdmin().header("Accept", "application/xml").json(question).send().expectProblem(406);
        api.post(gate + "?enforce=perhaps").asAdmin().json(question).send().expectRefusedAt("enforce");
        assertThat(api.get(gate + "?service=" + service).asAdmin().send().expectStatus(200).json().values()).isEmpty();

        ApiResponse answer = api.post(gate + "?enforce=").asAdmin().json(question).send().expectStatus(201);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.header("Location")).isEqualTo(gate + "/" + answer.json().path("id").asString());
        api.post(gate + "?enforce=TRUE").asAdmin().json(question).send().expectStatus(201);
        api.post(gate + "?enforce=off").asAdmin().body("application/json; charset=utf-8", question).send()
                .expectStatus(201);
    }

    @Test
    void without_any_rule_the_verdict_is_promote_with_a_warning_saying_so() {
        JsonNode evaluation = ask("1.0.0", "gamma");

        assertThat(evaluation.path("verdict").asString()).isEqualTo("PROMOTE");
        assertThat(evaluation.path("sourceStage").asString()).isEqualTo("beta");
        assertThat(evaluation.path("results").values()).isEmpty();
        assertThat(evaluation.path("warnings").get(0).asString()).contains("no rule gates");
    }

    @Test
    void the_first_stage_has_no_source_stage_and_rules_about_the_source_pass() {
        api.put("/api/v1/rules/" + unique("bake")).asAdmin().json("{\"name\": \"Bake\", \"scope\": {\"service\": \""
                + service + "\"}, \"kind\": \"BAKE_TIME\", \"params\": {\"duration\": \"PT1H\"}}").send().expectStatus(201);

        JsonNode evaluation = ask("1.0.0", "beta");

        assertThat(evaluation.path("sourceStage").isNull()).isTrue();
        assertThat(evaluation.path("verdict").asString()).isEqualTo("PROMOTE");
        assertThat(evaluation.path("results").get(0).path("message").asString()).contains("first stage");
    }

    @Test
    void an_answer_longer_than_the_response_buffer_arrives_whole() {
        // The answer is written straight into Tomcat's 8 KiB buffer: a longer one goes out chunked.
        int rules = 60;
        for (int i = 0; i < rules; i++) {
            api.put("/api/v1/rules/" + unique("bake")).asAdmin().json("{\"name\": \"Bake " + i + " " + "x".repeat(100)
                    + "\", \"scope\": {\"service\": \"" + service + "\"}, \"kind\": \"BAKE_TIME\", \"params\":"
                    + " {\"duration\": \"PT1H\"}}").send().expectStatus(201);
        }

        ApiResponse answer = ask("{\"service\": \"" + service + "\", \"version\": \"1.0.0\", \"stage\": \"beta\"}")
                .expectStatus(201);

        assertThat(answer.body().length()).isGreaterThan(8 * 1024);
        assertThat(answer.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(answer.json().path("results").values()).hasSize(rules);
        assertThat(api.get(answer.header("Location")).asAdmin().send().expectStatus(200).json().path("results").values())
                .hasSize(rules);
    }

    @Test
    void evaluations_are_kept_and_listed_newest_first_filtered_by_stage_verdict_and_time() {
        testsGateProd();
        Instant before = clock.instant();
        String gamma = ask("1.0.0", "gamma").path("id").asString();
        String prod = ask("1.0.0", "prod").path("id").asString();
        Instant after = clock.instant().plusMillis(1);

        assertThat(ids("service=" + service)).containsExactly(prod, gamma);
        assertThat(ids("service=" + service + "&stage=gamma")).containsExactly(gamma);
        // No test run at all: no data is a reason to stop.
        assertThat(ids("service=" + service + "&verdict=STOP")).containsExactly(prod);
        assertThat(ids("service=" + service + "&from=" + before + "&to=" + after + "&limit=1")).containsExactly(prod);
        assertThat(ids("service=" + service + "&from=" + after)).isEmpty();
        api.get("/api/v1/gate-evaluations?verdict=MAYBE&limit=0&from=yesterday").asAdmin().send()
                .expectRefusedAt("verdict", "limit", "from");
        api.get("/api/v1/gate-evaluations/" + unique("nothing")).asAdmin().send().expectProblem(404);
        // A longer id is not cut to the column's width and taken for the one it starts with.
        api.get("/api/v1/gate-evaluations/" + prod + "0").asAdmin().send().expectProblem(404);
    }

    @Test
    void a_team_bound_reader_lists_only_its_teams_evaluations() {
        ask("1.0.0", "prod");
        String otherTeam = api.createTeam(unique("other"));
        String reader = api.createToken(otherTeam, "read");

        List<String> seen = api.get("/api/v1/gate-evaluations?service=" + service).token(reader).send().expectStatus(200)
                .json().values().stream().map(evaluation -> evaluation.path("id").asString()).toList();

        assertThat(seen).isEmpty();
    }

    @Test
    void an_override_needs_a_reason_and_a_day_at_most_and_ends_when_revoked() {
        String at = "\"service\": \"" + service + "\", \"stage\": \"prod\"";
        api.post("/api/v1/overrides").asAdmin().json("{" + at + ", \"reason\": \"because\", \"expiresAt\": \""
                + clock.instant().plus(Duration.ofHours(25)) + "\"}").send().expectRefusedAt("/reason", "/expiresAt");
        api.post("/api/v1/overrides").asAdmin().json("{" + at + ", \"reason\": \"   \", \"expiresAt\": \""
                + clock.instant().minusSeconds(1) + "\"}").send().expectRefusedAt("/reason", "/expiresAt");
        testsGateProd();
        String override = api.post("/api/v1/overrides").asAdmin().json("{" + at + ", \"reason\": \"Hotfix for INC-9, tests run later\", "
                + "\"expiresAt\": \"" + clock.instant().plus(Duration.ofHours(1)) + "\"}").send().expectStatus(201)
                .json().path("id").asString();
        assertThat(ask("2.0.0", "prod").path("verdict").asString()).isEqualTo("PROMOTE");
        assertThat(api.get("/api/v1/overrides?service=" + service).asAdmin().send().expectStatus(200).json().values())
                .extracting(node -> node.path("id").asString()).containsExactly(override);

        long audited = api.newestAuditId();
        api.delete("/api/v1/overrides/" + override).asAdmin().send().expectStatus(204);

        assertThat(api.auditAfter(audited)).extracting(entry -> entry.path("action").asString()).containsExactly("OVERRIDE_REVOKED");
        assertThat(ask("2.0.0", "prod").path("verdict").asString()).isEqualTo("STOP");
        assertThat(api.get("/api/v1/overrides?service=" + service).asAdmin().send().expectStatus(200).json().values()).isEmpty();
        JsonNode kept = api.get("/api/v1/overrides?all=true&service=" + service).asAdmin().send().expectStatus(200).json();
        assertThat(kept.get(0).path("revokedAt").isNull()).isFalse();
    }

    @Test
    void an_override_ends_when_it_expires() {
        testsGateProd();
        api.post("/api/v1/overrides").asAdmin().json("{\"service\": \"" + service + "\", \"stage\": \"prod\", "
                + "\"reason\": \"Release freeze exception\", \"expiresAt\": \"" + clock.instant().plus(Duration.ofMinutes(30))
                + "\"}").send().expectStatus(201);
        assertThat(ask("3.0.0", "prod").path("verdict").asString()).isEqualTo("PROMOTE");

        clock.advance(Duration.ofMinutes(31));

        assertThat(ask("3.0.0", "prod").path("verdict").asString()).isEqualTo("STOP");
    }

    @Test
    void prometheus_counts_evaluations_by_verdict_and_times_them() {
        ask("1.0.0", "gamma");

        String scraped = api.get("/actuator/prometheus").asAdmin().send().expectStatus(200).body();

        assertThat(scraped).contains("tollgate_gate_evaluations_total{overridden=\"false\",verdict=\"PROMOTE\"}")
                .contains("tollgate_gate_evaluation_duration_seconds_count")
                .contains("tollgate_gate_overrides_active");
    }

    /** A TESTS_PASSED rule for prod: with no test run reported, it stops (no data is a reason to stop). */
    private void testsGateProd() {
        api.put("/api/v1/rules/" + unique("tests")).asAdmin().json("{\"name\": \"Tests\", \"scope\": {\"service\": \""
                + service + "\"}, \"stages\": [\"prod\"], \"kind\": \"TESTS_PASSED\", \"params\": {}}").send().expectStatus(201);
    }

    private List<String> ids(String query) {
        return api.get("/api/v1/gate-evaluations?" + query).asAdmin().send().expectStatus(200).json().values().stream()
                .map(evaluation -> evaluation.path("id").asString()).toList();
    }
}
