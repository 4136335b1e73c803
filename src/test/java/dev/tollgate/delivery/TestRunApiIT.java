package dev.tollgate.delivery;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

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

/** API.md "Ingestion": {@code POST /api/v1/test-runs}, the listing for scripts, and the gate's question. */
@HttpApiTest
class TestRunApiIT {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    TestRuns testRuns;

    private ApiClient api;
    private String team;
    private String service;
    private String ingest;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        team = api.createTeam(unique("payments"));
        service = api.createService(unique("checkout"), team, "beta", "prod");
        ingest = api.createToken(null, "ingest");
    }

    private ApiResponse report(String json) {
        return api.post("/api/v1/test-runs").token(ingest).json(json).send();
    }

    private ApiResponse report(String version, String suite, int passed, int failed, String time) {
        return report("{\"service\": \"" + service + "\", \"stage\": \"beta\", \"version\": \"" + version
                + "\", \"suite\": \"" + suite + "\", \"passed\": " + passed + ", \"failed\": " + failed
                + (time == null ? "" : ", \"time\": \"" + time + "\"") + "}");
    }

    private List<JsonNode> list(String query) {
        return api.get("/api/v1/test-runs?" + query).asAdmin().send().expectStatus(200).json().values().stream().toList();
    }

    @Test
    void records_a_test_run_and_answers_it_as_stored() {
        JsonNode run = report("1.4.2", "integration", 120, 2, "2026-11-26T10:00:00Z").expectStatus(200).json();

        assertThat(run.path("id").asLong()).isPositive();
        assertThat(run.path("service").asString()).isEqualTo(service);
        assertThat(run.path("stage").asString()).isEqualTo("beta");
        assertThat(run.path("version").asString()).isEqualTo("1.4.2");
        assertThat(run.path("suite").asString()).isEqualTo("integration");
        assertThat(run.path("passed").asInt()).isEqualTo(120);
        assertThat(run.path("failed").asInt()).isEqualTo(2);
        assertThat(run.path("time").asString()).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(run.propertyNames()).containsExactlyInAnyOrder("id", "service", "stage", "version", "suite", "passed",
                "failed", "time");
        assertThat(list("service=" + service)).containsExactly(run);
    }

    @Test
    void the_time_defaults_to_now() {
        Instant before = clock.instant();

        JsonNode run = report("1.0.0", "smoke", 3, 0, null).expectStatus(200).json();

        assertThat(Instant.parse(run.path("time").asString())).isBetween(before, clock.instant());
    }

    @Test
    void the_gate_reads_the_latest_run_of_each_suite_of_a_version() {
        report("2.0.0", "integration", 10, 1, "2026-11-26T10:00:00Z").expectStatus(200);
        JsonNode rerun = report("2.0.0", "integration", 11, 0, "2026-11-26T10:30:00Z").expectStatus(200).json();
        JsonNode e2e = report("2.0.0", "e2e", 4, 0, "2026-11-26T10:10:00Z").expectStatus(200).json();
        report("1.9.0", "integration", 0, 5, "2026-11-26T11:00:00Z").expectStatus(200);
        api.post("/api/v1/test-runs").token(ingest).json("{\"service\": \"" + service + "\", \"stage\": \"prod\", "
                + "\"version\": \"2.0.0\", \"suite\": \"integration\", \"passed\": 0, \"failed\": 3}").send().expectStatus(200);

        List<TestRun> latest = testRuns.latestPerSuite(service, "beta", "2.0.0");

        assertThat(latest).extracting(TestRun::suite, TestRun::id, TestRun::failed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("e2e", e2e.path("id").asLong(), 0),
                org.assertj.core.groups.Tuple.tuple("integration", rerun.path("id").asLong(), 0));
        assertThat(latest).allMatch(TestRun::succeeded);
        assertThat(testRuns.latestPerSuite(service, "beta", "3.0.0")).isEmpty();
    }

    @Test
    void lists_runs_newest_first_filtered_by_stage_and_version() {
        report("1.0.0", "unit", 1, 0, "2026-11-26T08:00:00Z").expectStatus(200);
        report("1.1.0", "unit", 1, 0, "2026-11-26T09:00:00Z").expectStatus(200);
        report("1.1.0", "e2e", 1, 0, "2026-11-26T10:00:00Z").expectStatus(200);

        assertThat(list("service=" + service)).extracting(run -> run.path("suite").asString() + " " + run.path("version").asString())
                .containsExactly("e2e 1.1.0", "unit 1.1.0", "unit 1.0.0");
        assertThat(list("service=" + service + "&stage=beta&version=1.1.0&limit=1")).extracting(run -> run.path("suite").asString())
                .containsExactly("e2e");
        assertThat(list("service=" + service + "&stage=prod")).isEmpty();
        api.get("/api/v1/test-runs?version=" + "v".repeat(129)).asAdmin().send().expectRefusedAt("version");
        api.get("/api/v1/test-runs?limit=1001").asAdmin().send().expectRefusedAt("limit");
    }

    @Test
    void refuses_counts_that_are_not_whole_numbers_of_zero_or_more() {
        report("1.0.0", "unit", -1, 0, null).expectRefusedAt("/passed");
        report("{\"service\": \"" + service + "\", \"stage\": \"beta\", \"version\": \"1.0.0\", \"suite\": \"unit\", "
                + "\"passed\": 1.5, \"failed\": 0}").expectRefusedAt("/passed");
        report("{\"service\": \"" + service + "\", \"stage\": \"beta\", \"version\": \"1.0.0\", \"suite\": \"unit\", "
                + "\"passed\": 1, \"failed\": \"0\"}").expectRefusedAt("/failed");
        report("{\"service\": \"" + service + "\", \"stage\": \"beta\", \"version\": \"1.0.0\", \"suite\": \"unit\", "
                + "\"passed\": 1, \"failed\": 3000000000}").expectRefusedAt("/failed");
        assertThat(list("service=" + service)).isEmpty();
    }

    @Test
    void names_every_offending_field_at_once_and_stores_nothing() {
        report("{\"service\": \"" + service + "\", \"stage\": \"canary\", \"suite\": \"my suite\"}")
                .expectRefusedAt("/stage", "/version", "/suite", "/passed", "/failed");
        report("{\"service\": \"" + service + "\", \"stage\": \"beta\", \"version\": \"1.0.0\", \"suite\": \""
                + "s".repeat(129) + "\", \"passed\": 1, \"failed\": 0}").expectRefusedAt("/suite");
        report("{\"service\": \"" + unique("nowhere") + "\", \"stage\": \"beta\", \"version\": \"1.0.0\", "
                + "\"suite\": \"unit\", \"passed\": 1, \"failed\": 0}").expectRefusedAt("/service");
        report("[]").expectRefusedAt("/");
        assertThat(list("service=" + service)).isEmpty();
    }

    @Test
    void a_suite_name_of_128_characters_is_accepted() {
        report("1.0.0", "s".repeat(128), 1, 0, null).expectStatus(200);
    }

    @Test
    void a_team_bound_token_reports_and_reads_only_its_own_team_s_services() {
        String otherTeam = api.createTeam(unique("search"));
        String body = "{\"service\": \"" + service + "\", \"stage\": \"beta\", \"version\": \"1.0.0\", \"suite\": \"unit\", "
                + "\"passed\": 1, \"failed\": 0}";

        api.post("/api/v1/test-runs").json(body).send().expectProblem(401);
        api.post("/api/v1/test-runs").token(api.createToken(null, "read")).json(body).send().expectProblem(403);
        api.post("/api/v1/test-runs").token(api.createToken(otherTeam, "ingest")).json(body).send().expectProblem(403);
        api.get("/api/v1/test-runs?service=" + service).token(api.createToken(otherTeam, "read")).send().expectProblem(403);
        assertThat(list("service=" + service)).isEmpty();

        api.post("/api/v1/test-runs").token(api.createToken(team, "ingest")).json(body).send().expectStatus(200);
        assertThat(api.get("/api/v1/test-runs?limit=1000").token(api.createToken(team, "read")).send().expectStatus(200)
                .json().values()).extracting(run -> run.path("service").asString()).containsOnly(service);
    }
}
