package dev.tollgate.rules;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.HttpApiTest;
import dev.tollgate.testing.TestClock;
import tools.jackson.databind.JsonNode;

/** API.md "Rules": {@code POST /api/v1/rules/backtest}, a rule replayed over data written at past times. */
@HttpApiTest
class RuleBacktestApiIT {

    private static final Duration HOUR = Duration.ofHours(1);

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    private ApiClient api;
    private String team;
    private String service;
    /** A whole hour, ten hours ago: the history of each test starts here. */
    private Instant base;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        team = api.createTeam(unique("payments"));
        service = api.createService(unique("ledger"), team, "beta", "gamma", "prod");
        base = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(10));
    }

    private static final String ERRORS_ABOVE_TEN = """
            {"name": "Errors in gamma", "stages": ["prod"], "kind": "THRESHOLD",
             "params": {"metric": "errors", "aggregation": "sum", "window": "PT1H", "operator": ">", "threshold": 10}}""";

    private String backtest(String rule, String stage, Instant from, Instant to) {
        return """
                {"rule": %s, "service": "%s", "stage": "%s", "from": "%s", "to": "%s", "step": "PT1H"}"""
                .formatted(rule, service, stage, from, to);
    }

    private String point(String stage, double value, Instant time) {
        return """
                {"metric": "errors", "service": "%s", "stage": "%s", "value": %s, "time": "%s"}"""
                .formatted(service, stage, value, time);
    }

    @Test
    void a_threshold_fails_at_the_steps_whose_window_held_too_many_errors_in_the_source_stage() {
        api.post("/api/v1/metrics").asAdmin().json("[" + String.join(", ",
                point("gamma", 3, base.plus(Duration.ofMinutes(30))),
                point("gamma", 14, base.plus(Duration.ofMinutes(90))),
                point("gamma", 2, base.plus(Duration.ofMinutes(150))),
                point("gamma", 8, base.plus(Duration.ofMinutes(200))),
                point("gamma", 12, base.plus(Duration.ofMinutes(210))),
                // The stage a version enters is not the one this rule reads.
                point("prod", 100, base.plus(Duration.ofMinutes(30)))) + "]").send().expectStatus(200);

        JsonNode backtest = api.post("/api/v1/rules/backtest").asAdmin()
                .json(backtest(ERRORS_ABOVE_TEN, "prod", base.plus(HOUR), base.plus(Duration.ofHours(5)))).send()
                .expectStatus(200).json();

        List<JsonNode> steps = backtest.path("steps").values().stream().toList();
        assertThat(steps).extracting(step -> Instant.parse(step.path("at").asString())).containsExactly(base.plus(HOUR),
                base.plus(Duration.ofHours(2)), base.plus(Duration.ofHours(3)), base.plus(Duration.ofHours(4)),
                base.plus(Duration.ofHours(5)));
        assertThat(steps).extracting(step -> step.path("status").asString())
                .containsExactly("PASS", "FAIL", "PASS", "FAIL", "NO_DATA");
        assertThat(steps).extracting(step -> step.path("effect").asString())
                .containsExactly("NONE", "STOP", "NONE", "STOP", "STOP");
        assertThat(steps.get(3).path("observed").asDouble()).isEqualTo(20);
        assertThat(steps.get(3).path("threshold").asDouble()).isEqualTo(10);
        assertThat(steps.get(3).path("message").asString()).isEqualTo("errors sum over PT1H in gamma is 20, above 10");
        assertThat(backtest.path("sourceStage").asString()).isEqualTo("gamma");
        assertThat(backtest.path("evaluated").asInt()).isEqualTo(5);
        assertThat(backtest.path("stopped").asInt()).isEqualTo(3);
        assertThat(backtest.path("stopRate").asDouble()).isEqualTo(0.6);
        assertThat(backtest.path("byStatus").path("FAIL").asInt()).isEqualTo(2);
        assertThat(backtest.path("byStatus").path("NO_DATA").asInt()).isEqualTo(1);
        assertThat(backtest.path("byStatus").path("ERROR").asInt()).isZero();
    }

    @Test
    void a_bake_time_judges_the_version_the_source_stage_ran_at_each_step_as_it_stood_then() {
        String deployment = """
                {"service": "%s", "stage": "gamma", "version": "1.4.0", "status": "%s", "time": "%s"}""";
        api.post("/api/v1/deployments").asAdmin()
                .json(deployment.formatted(service, "STARTED", base.plus(Duration.ofMinutes(30)))).send().expectStatus(200);
        api.post("/api/v1/deployments").asAdmin()
                .json(deployment.formatted(service, "SUCCEEDED", base.plus(Duration.ofMinutes(90)))).send()
                .expectStatus(200);
        String bake = "{\"name\": \"Bake\", \"kind\": \"BAKE_TIME\", \"params\": {\"duration\": \"PT1H\"}}";

        JsonNode backtest = api.post("/api/v1/rules/backtest").asAdmin()
                .json(backtest(bake, "prod", base, base.plus(Duration.ofHours(3)))).send().expectStatus(200).json();

        assertThat(backtest.path("steps").values()).extracting(step -> step.path("status").asString())
                .containsExactly("NO_DATA", "NO_DATA", "WAIT", "PASS");
        assertThat(backtest.path("steps").values()).extracting(step -> step.path("version").asString(null))
                .containsExactly(null, "1.4.0", "1.4.0", "1.4.0");
        assertThat(backtest.path("stopped").asInt()).isEqualTo(2);
    }

    @Test
    void a_change_failure_rate_counts_a_rollback_only_from_when_it_was_reported_to_have_happened() {
        String deployment = """
                {"service": "%s", "stage": "prod", "version": "1.0.0", "status": "%s", "time": "%s"}""";
        for (String[] change : new String[][] { { "STARTED", "10" }, { "SUCCEEDED", "20" }, { "ROLLED_BACK", "150" } }) {
            api.post("/api/v1/deployments").asAdmin().json(deployment.formatted(service, change[0],
                    base.plus(Duration.ofMinutes(Long.parseLong(change[1]))))).send().expectStatus(200);
        }
        String failureRate = """
                {"name": "Failures", "kind": "CHANGE_FAILURE_RATE", "params": {"window": "P1D", "max": 0.5}}""";

        JsonNode backtest = api.post("/api/v1/rules/backtest").asAdmin()
                .json(backtest(failureRate, "prod", base.plus(HOUR), base.plus(Duration.ofHours(3)))).send()
                .expectStatus(200).json();

        assertThat(backtest.path("steps").values()).extracting(step -> step.path("status").asString())
                .containsExactly("PASS", "PASS", "FAIL");
    }

    @Test
    void a_bad_backtest_is_refused_naming_every_fault() {
        api.post("/api/v1/rules/backtest").asAdmin().json("""
                {"rule": {"name": "Errors", "kind": "THRESHOLD", "params": {"aggregation": "sum", "window": "PT1H",
                          "operator": ">", "threshold": 10}},
                 "service": "%s", "stage": "staging", "from": "%s", "to": "%s", "step": "PT10S"}"""
                .formatted(service, base, base.plus(HOUR))).send()
                .expectRefusedAt("/rule/params/metric", "/stage", "/step");
        api.post("/api/v1/rules/backtest").asAdmin()
                .json(backtest(ERRORS_ABOVE_TEN, "prod", base.minus(Duration.ofDays(91)), base)).send()
                .expectRefusedAt("/from");
        api.post("/api/v1/rules/backtest").asAdmin()
                .json(backtest(ERRORS_ABOVE_TEN, "prod", base, base.plus(Duration.ofDays(1)))).send()
                .expectRefusedAt("/to");
    }

    @Test
    void a_token_bound_to_another_team_may_not_backtest_this_team_s_service() {
        String other = api.createToken(api.createTeam(unique("search")), "read");

        api.post("/api/v1/rules/backtest").token(other)
                .json(backtest(ERRORS_ABOVE_TEN, "prod", base, base.plus(HOUR))).send().expectProblem(403);
        api.post("/api/v1/rules/backtest").token(api.createToken(team, "read"))
                .json(backtest(ERRORS_ABOVE_TEN, "prod", base, base.plus(HOUR))).send().expectStatus(200);
    }

    @Test
    void thirty_days_at_one_step_an_hour_answer_within_seconds() {
        String errorRate = """
                {"name": "Error rate", "stages": ["prod"], "kind": "THRESHOLD",
                 "params": {"metric": "errors", "aggregation": "sum", "window": "PT1H", "operator": ">", "threshold": 0.01,
                            "per": "requests", "relativeTo": {"window": "P1D", "factor": 2}}}""";
        Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS);
        StringBuilder points = new StringBuilder("[");
        for (Instant time = to.minus(Duration.ofDays(31)); time.isBefore(to); time = time.plus(Duration.ofMinutes(10))) {
            points.append(points.length() == 1 ? "" : ", ").append(point("gamma", 1, time))
                    .append(", ").append(point("gamma", 500, time).replace("\"errors\"", "\"requests\""));
        }
        api.post("/api/v1/metrics").asAdmin().json(points.append("]").toString()).send().expectStatus(200);

        long started = System.nanoTime();
        JsonNode backtest = api.post("/api/v1/rules/backtest").asAdmin()
                .json(backtest(errorRate, "prod", to.minus(Duration.ofDays(30)), to)).send().expectStatus(200).json();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(backtest.path("evaluated").asInt()).isEqualTo(721);
        assertThat(backtest.path("byStatus").path("PASS").asInt()).isEqualTo(721);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }
}
