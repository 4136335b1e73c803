package dev.tollgate.gate;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * Issue 4's end-to-end scenario through the HTTP API, run on every store by its subclasses: a
 * service with beta → gamma → prod and the rules a team would set for prod (error rate, bake
 * time, promotion order, tests). Each test uses a service of its own, since metrics are per
 * service and stage.
 */
abstract class GateScenario {

    /** The application's clock: other tests in a shared context may have moved it ahead of the wall clock. */
    @Autowired
    Clock clock;

    protected ApiClient api;
    private String team;
    private String gateToken;

    protected abstract int port();

    @BeforeEach
    void connect() {
        api = new ApiClient(port());
        team = api.createTeam(unique("shop"));
        gateToken = api.createToken(team, "gate", "ingest", "read");
    }

    /** A new service of the team, with the four rules for prod. */
    protected String service() {
        String service = api.createService(unique("checkout"), team, "beta", "gamma", "prod");
        rule(service, "error-rate", """
                "kind": "THRESHOLD", "params": {"metric": "errors", "aggregation": "sum", "window": "PT1H",
                 "operator": ">", "threshold": 0.01, "per": "requests"}""");
        rule(service, "bake", "\"kind\": \"BAKE_TIME\", \"params\": {\"duration\": \"PT1H\"}");
        rule(service, "order", "\"kind\": \"PROMOTION_ORDER\", \"params\": {}");
        rule(service, "tests", "\"kind\": \"TESTS_PASSED\", \"params\": {}");
        return service;
    }

    private void rule(String service, String name, String body) {
        api.put("/api/v1/rules/" + service + "-" + name).asAdmin().json("{\"name\": \"" + name
                + "\", \"scope\": {\"service\": \"" + service + "\"}, \"stages\": [\"prod\"], " + body + "}")
                .send().expectStatus(201);
    }

    protected void succeeded(String service, String stage, String version, Instant at) {
        api.post("/api/v1/deployments").token(gateToken).json("""
                {"service": "%s", "stage": "%s", "version": "%s", "status": "SUCCEEDED", "time": "%s"}"""
                .formatted(service, stage, version, at)).send().expectStatus(200);
    }

    protected void tests(String service, String stage, String version, int passed, int failed) {
        api.post("/api/v1/test-runs").token(gateToken).json("""
                {"service": "%s", "stage": "%s", "version": "%s", "suite": "integration", "passed": %d, "failed": %d}"""
                .formatted(service, stage, version, passed, failed)).send().expectStatus(200);
    }

    protected void traffic(String service, String stage, int requests, int errors, Instant at) {
        api.post("/api/v1/metrics").token(gateToken).json("""
                [{"metric": "requests", "service": "%s", "stage": "%s", "value": %d, "time": "%s"},
                 {"metric": "errors", "service": "%s", "stage": "%s", "value": %d, "time": "%s"}]"""
                .formatted(service, stage, requests, at, service, stage, errors, at)).send().expectStatus(200);
    }

    protected ApiResponse ask(String service, String version, String stage, boolean enforce) {
        return api.post("/api/v1/gate-evaluations" + (enforce ? "?enforce=true" : "")).token(gateToken)
                .json("{\"service\": \"" + service + "\", \"version\": \"" + version + "\", \"stage\": \"" + stage
                        + "\", \"pipelineRun\": \"https://ci.example/run/1\"}")
                .send();
    }

    /** A version that succeeded in gamma two hours ago, with its tests passed and the given traffic since. */
    protected String readyInGamma(int requests, int errors) {
        String service = service();
        Instant now = clock.instant();
        succeeded(service, "gamma", "1.4.2", now.minus(2, ChronoUnit.HOURS));
        tests(service, "gamma", "1.4.2", 120, 0);
        traffic(service, "gamma", requests, errors, now.minus(20, ChronoUnit.MINUTES));
        return service;
    }

    private static JsonNode result(JsonNode evaluation, String rule) {
        for (JsonNode result : evaluation.path("results").values()) {
            if (result.path("rule").asString().endsWith("-" + rule)) {
                return result;
            }
        }
        throw new AssertionError("no result for rule " + rule + " in " + evaluation);
    }

    @Test
    void a_version_that_baked_in_gamma_with_passing_tests_and_few_errors_is_promoted_into_prod() {
        String service = readyInGamma(10_000, 3);

        ApiResponse answer = ask(service, "1.4.2", "prod", true).expectStatus(201);
        JsonNode evaluation = answer.json();

        assertThat(evaluation.path("verdict").asString()).isEqualTo("PROMOTE");
        assertThat(evaluation.path("sourceStage").asString()).isEqualTo("gamma");
        assertThat(evaluation.path("results").values()).hasSize(4)
                .allSatisfy(result -> assertThat(result.path("status").asString()).isEqualTo("PASS"));
        assertThat(result(evaluation, "error-rate").path("observed").asDouble()).isEqualTo(0.0003);
        assertThat(answer.header("Location")).isEqualTo("/api/v1/gate-evaluations/" + evaluation.path("id").asString());
        // Written straight into the response, and still answered whole with its length, not chunked.
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.header("Content-Length")).isEqualTo(String.valueOf(answer.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(answer.header("Transfer-Encoding")).isNull();
        JsonNode stored = api.get(answer.header("Location")).token(gateToken).send().expectStatus(200).json();
        assertThat(stored.path("verdict").asString()).isEqualTo("PROMOTE");
        assertThat(stored.path("results").values()).hasSize(4);
    }

    @Test
    void an_error_spike_in_gamma_stops_the_promotion_naming_the_rule_and_the_observed_value() {
        String service = readyInGamma(1_000, 50);

        JsonNode evaluation = ask(service, "1.4.2", "prod", false).expectStatus(201).json();

        assertThat(evaluation.path("verdict").asString()).isEqualTo("STOP");
        JsonNode errorRate = result(evaluation, "error-rate");
        assertThat(errorRate.path("status").asString()).isEqualTo("FAIL");
        assertThat(errorRate.path("effect").asString()).isEqualTo("STOP");
        assertThat(errorRate.path("observed").asDouble()).isEqualTo(0.05);
        assertThat(errorRate.path("threshold").asDouble()).isEqualTo(0.01);
        assertThat(errorRate.path("message").asString()).contains("gamma");
        // Enforced, the same answer is a 409 that stops `curl --fail`.
        ApiResponse enforced = ask(service, "1.4.2", "prod", true).expectStatus(409);
        assertThat(enforced.json().path("verdict").asString()).isEqualTo("STOP");
    }

    @Test
    void a_failed_test_run_in_gamma_rolls_the_version_back() {
        String service = readyInGamma(10_000, 3);
        tests(service, "gamma", "1.4.2", 118, 2);

        JsonNode evaluation = ask(service, "1.4.2", "prod", false).expectStatus(201).json();

        assertThat(evaluation.path("verdict").asString()).isEqualTo("ROLLBACK");
        assertThat(result(evaluation, "tests").path("status").asString()).isEqualTo("FAIL");
        assertThat(result(evaluation, "tests").path("effect").asString()).isEqualTo("ROLLBACK");
    }

    @Test
    void a_version_ten_minutes_into_a_one_hour_bake_waits_fifty_minutes() {
        String service = service();
        Instant now = clock.instant();
        succeeded(service, "gamma", "1.5.0", now.minus(10, ChronoUnit.MINUTES));
        tests(service, "gamma", "1.5.0", 120, 0);
        traffic(service, "gamma", 10_000, 1, now.minus(5, ChronoUnit.MINUTES));

        ApiResponse answer = ask(service, "1.5.0", "prod", true).expectStatus(409);

        JsonNode evaluation = answer.json();
        assertThat(evaluation.path("verdict").asString()).isEqualTo("WAIT");
        // Fifty minutes, less the moments between the report and the question.
        assertThat(evaluation.path("retryAfter").asLong()).isBetween(2990L, 3000L);
        assertThat(answer.header("Retry-After")).isEqualTo(evaluation.path("retryAfter").asString());
        assertThat(result(evaluation, "bake").path("status").asString()).isEqualTo("WAIT");
    }

    @Test
    void an_override_turns_a_stop_into_promote_shows_what_it_overrode_and_is_audited() {
        String service = readyInGamma(1_000, 50);
        long auditBefore = api.newestAuditId();
        String override = api.post("/api/v1/overrides").token(api.createToken(team, "override")).json("""
                {"service": "%s", "stage": "prod", "version": "1.4.2",
                 "reason": "Known noisy errors from a retired client; INC-4711", "expiresAt": "%s"}"""
                .formatted(service, clock.instant().plus(2, ChronoUnit.HOURS))).send().expectStatus(201)
                .json().path("id").asString();

        JsonNode evaluation = ask(service, "1.4.2", "prod", true).expectStatus(201).json();

        assertThat(evaluation.path("verdict").asString()).isEqualTo("PROMOTE");
        assertThat(evaluation.path("override").path("id").asString()).isEqualTo(override);
        assertThat(evaluation.path("override").path("overriddenVerdict").asString()).isEqualTo("STOP");
        assertThat(evaluation.path("override").path("reason").asString()).contains("INC-4711");
        assertThat(result(evaluation, "error-rate").path("status").asString()).isEqualTo("FAIL");
        List<JsonNode> audit = api.auditAfter(auditBefore);
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry.path("action").asString()).isEqualTo("OVERRIDE_CREATED");
            assertThat(entry.path("targetId").asString()).isEqualTo(override);
        });
        // Another version is not covered by a version's override.
        succeeded(service, "gamma", "1.4.3", clock.instant().minus(2, ChronoUnit.HOURS));
        tests(service, "gamma", "1.4.3", 120, 0);
        assertThat(ask(service, "1.4.3", "prod", false).expectStatus(201).json().path("verdict").asString())
                .isEqualTo("STOP");
    }
}
