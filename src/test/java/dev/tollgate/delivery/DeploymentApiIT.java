package dev.tollgate.delivery;

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

/** API.md "Ingestion": {@code POST /api/v1/deployments} and {@code GET /api/v1/deployments}. */
@HttpApiTest
class DeploymentApiIT {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Deployments deployments;

    private ApiClient api;
    private String team;
    private String service;
    private String ingest;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        team = api.createTeam(unique("payments"));
        service = api.createService(unique("checkout"), team, "beta", "gamma", "prod");
        ingest = api.createToken(null, "ingest");
    }

    private ApiResponse report(String json) {
        return api.post("/api/v1/deployments").token(ingest).json(json).send();
    }

    private ApiResponse report(String stage, String version, String status, String time) {
        return report("{\"service\": \"" + service + "\", \"stage\": \"" + stage + "\", \"version\": \"" + version
                + "\", \"status\": \"" + status + "\"" + (time == null ? "" : ", \"time\": \"" + time + "\"") + "}");
    }

    private List<JsonNode> list(String query) {
        return api.get("/api/v1/deployments?" + query).asAdmin().send().expectStatus(200).json().values().stream().toList();
    }

    private static List<String> statuses(JsonNode deployment) {
        return deployment.path("history").values().stream().map(change -> change.path("status").asString()).toList();
    }

    @Test
    void records_a_deployment_and_answers_it_as_stored() {
        ApiResponse recorded = report("{\"id\": \"run-" + service + "\", \"service\": \"" + service + "\", \"stage\": \"beta\", "
                + "\"version\": \"1.4.2+build.7\", \"status\": \"STARTED\", \"time\": \"2026-11-26T10:00:00Z\", "
                + "\"commit\": \"0b31b1c02ff458ad\", \"commitTime\": \"2026-11-26T09:00:00+01:00\", "
                + "\"pipelineRun\": \"https://ci.example.com/runs/42\"}").expectStatus(200);

        JsonNode deployment = recorded.json();
        assertThat(recorded.contentType()).startsWith("application/json");
        assertThat(deployment.path("id").asString()).isEqualTo("run-" + service);
        assertThat(deployment.path("service").asString()).isEqualTo(service);
        assertThat(deployment.path("stage").asString()).isEqualTo("beta");
        assertThat(deployment.path("version").asString()).isEqualTo("1.4.2+build.7");
        assertThat(deployment.path("status").asString()).isEqualTo("STARTED");
        assertThat(deployment.path("time").asString()).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(deployment.path("startedAt").asString()).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(deployment.has("finishedAt")).as("a running deployment has not finished").isFalse();
        assertThat(deployment.path("commit").asString()).isEqualTo("0b31b1c02ff458ad");
        assertThat(deployment.path("commitTime").asString()).isEqualTo("2026-11-26T08:00:00Z");
        assertThat(deployment.path("pipelineRun").asString()).isEqualTo("https://ci.example.com/runs/42");
        assertThat(statuses(deployment)).containsExactly("STARTED");
        assertThat(deployment.propertyNames()).containsExactlyInAnyOrder("id", "service", "stage", "version", "status",
                "time", "startedAt", "commit", "commitTime", "pipelineRun", "history", "createdAt", "updatedAt");
        assertThat(deployment.path("history").path(0).propertyNames()).containsExactlyInAnyOrder("status", "time");
        assertThat(list("service=" + service)).containsExactly(deployment);
    }

    @Test
    void the_same_id_twice_is_one_deployment_with_its_status_updated() {
        String id = unique("deploy");
        report("{\"id\": \"" + id + "\", \"service\": \"" + service + "\", \"stage\": \"prod\", \"version\": \"2.0.0\", "
                + "\"status\": \"STARTED\", \"time\": \"2026-11-26T10:00:00Z\", \"commitTime\": \"2026-11-26T08:30:00Z\"}")
                .expectStatus(200);

        JsonNode updated = report("{\"id\": \"" + id + "\", \"service\": \"" + service + "\", \"stage\": \"prod\", "
                + "\"version\": \"2.0.0\", \"status\": \"SUCCEEDED\", \"time\": \"2026-11-26T10:12:00Z\"}")
                .expectStatus(200).json();

        assertThat(updated.path("id").asString()).isEqualTo(id);
        assertThat(updated.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(updated.path("startedAt").asString()).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(updated.path("finishedAt").asString()).isEqualTo("2026-11-26T10:12:00Z");
        assertThat(updated.path("commitTime").asString()).as("a detail a later report leaves out is kept")
                .isEqualTo("2026-11-26T08:30:00Z");
        assertThat(statuses(updated)).containsExactly("STARTED", "SUCCEEDED");
        assertThat(list("service=" + service)).containsExactly(updated);
    }

    @Test
    void without_an_id_a_later_status_updates_the_deployment_of_that_version_in_that_stage() {
        String generated = report("gamma", "3.1.0", "STARTED", "2026-11-26T11:00:00Z").expectStatus(200).json()
                .path("id").asString();
        report("beta", "3.1.0", "SUCCEEDED", "2026-11-26T10:00:00Z").expectStatus(200);

        JsonNode finished = report("gamma", "3.1.0", "FAILED", "2026-11-26T11:05:00Z").expectStatus(200).json();

        assertThat(generated).as("an id Tollgate generated").isNotBlank();
        assertThat(finished.path("id").asString()).isEqualTo(generated);
        assertThat(finished.path("status").asString()).isEqualTo("FAILED");
        assertThat(finished.path("finishedAt").asString()).isEqualTo("2026-11-26T11:05:00Z");
        assertThat(list("service=" + service)).hasSize(2);
        assertThat(list("service=" + service + "&stage=gamma")).singleElement()
                .satisfies(deployment -> assertThat(statuses(deployment)).containsExactly("STARTED", "FAILED"));
    }

    @Test
    void reporting_the_same_status_again_changes_nothing() {
        JsonNode first = report("beta", "1.0.0", "SUCCEEDED", "2026-11-26T10:00:00Z").expectStatus(200).json();
        clock.advance(Duration.ofSeconds(1));

        JsonNode again = report("beta", "1.0.0", "SUCCEEDED", null).expectStatus(200).json();

        assertThat(again).isEqualTo(first);
        assertThat(list("service=" + service)).containsExactly(first);
    }

    @Test
    void keeps_the_whole_lifecycle_of_a_deployment_that_is_rolled_back() {
        report("prod", "4.0.0", "STARTED", "2026-11-26T10:00:00Z").expectStatus(200);
        report("prod", "4.0.0", "SUCCEEDED", "2026-11-26T10:10:00Z").expectStatus(200);

        JsonNode rolledBack = report("prod", "4.0.0", "ROLLED_BACK", "2026-11-26T12:00:00Z").expectStatus(200).json();

        assertThat(rolledBack.path("status").asString()).isEqualTo("ROLLED_BACK");
        assertThat(rolledBack.path("time").asString()).isEqualTo("2026-11-26T12:00:00Z");
        assertThat(rolledBack.path("finishedAt").asString()).as("when the deployment itself ended")
                .isEqualTo("2026-11-26T10:10:00Z");
        assertThat(rolledBack.path("history").values()).extracting(change -> change.path("time").asString())
                .containsExactly("2026-11-26T10:00:00Z", "2026-11-26T10:10:00Z", "2026-11-26T12:00:00Z");
    }

    @Test
    void a_status_reported_late_does_not_undo_a_later_one() {
        report("prod", "5.0.0", "SUCCEEDED", "2026-11-26T10:10:00Z").expectStatus(200);

        JsonNode late = report("prod", "5.0.0", "STARTED", "2026-11-26T10:00:00Z").expectStatus(200).json();

        assertThat(late.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(late.path("startedAt").asString()).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(late.path("finishedAt").asString()).isEqualTo("2026-11-26T10:10:00Z");
        assertThat(statuses(late)).containsExactly("SUCCEEDED", "STARTED");
    }

    @Test
    void the_time_defaults_to_now_and_may_be_epoch_milliseconds() {
        Instant before = clock.instant();
        JsonNode now = report("beta", "6.0.0", "STARTED", null).expectStatus(200).json();
        Instant after = clock.instant();

        JsonNode millis = report("{\"service\": \"" + service + "\", \"stage\": \"gamma\", \"version\": \"6.0.0\", "
                + "\"status\": \"SUCCEEDED\", \"time\": 1795687200000}").expectStatus(200).json();

        assertThat(Instant.parse(now.path("time").asString())).isBetween(before, after);
        assertThat(millis.path("time").asString()).isEqualTo(Instant.ofEpochMilli(1795687200000L).toString());
    }

    @Test
    void refuses_a_stage_that_is_not_in_the_service_path_and_stores_nothing() {
        ApiResponse refused = report("staging", "1.0.0", "STARTED", null).expectRefusedAt("/stage");

        assertThat(refused.errorAt("/stage")).contains("staging", "beta, gamma, prod");
        assertThat(list("service=" + service)).isEmpty();
    }

    @Test
    void refuses_a_service_that_is_not_in_the_catalog() {
        String unknown = unique("nowhere");

        ApiResponse refused = report("{\"service\": \"" + unknown + "\", \"stage\": \"prod\", \"version\": \"1.0.0\", "
                + "\"status\": \"STARTED\"}").expectRefusedAt("/service");

        assertThat(refused.errorAt("/service")).contains(unknown, "not in the catalog");
        api.get("/api/v1/services/" + unknown).asAdmin().send().expectProblem(404);
    }

    @Test
    void names_every_offending_field_at_once() {
        report("{\"id\": \" spaced id\", \"service\": \"" + service + "\", \"stage\": \"Prod\", \"version\": \"1 0\", "
                + "\"commit\": \"" + "c".repeat(129) + "\", \"pipelineRun\": \"" + "p".repeat(513) + "\"}")
                .expectRefusedAt("/id", "/stage", "/version", "/status", "/commit", "/pipelineRun");
        assertThat(list("service=" + service)).isEmpty();
    }

    @Test
    void refuses_fields_of_the_wrong_type_by_pointer() {
        report("{\"service\": \"" + service + "\", \"stage\": \"prod\", \"version\": \"1.0.0\", \"status\": \"DONE\"}")
                .expectRefusedAt("/status");
        report("{\"service\": \"" + service + "\", \"stage\": \"prod\", \"version\": \"1.0.0\", \"status\": \"STARTED\", "
                + "\"time\": \"yesterday\"}").expectRefusedAt("/time");
        report("{\"service\": \"" + service + "\", \"stage\": \"prod\", \"version\": 1, \"status\": \"STARTED\"}")
                .expectRefusedAt("/version");
        report("{\"service\": \"" + service + "\", \"stage\": \"prod\", \"version\": \"1\", \"status\": \"STARTED\", "
                + "\"environment\": \"prod\"}").expectRefusedAt("/environment");
        assertThat(list("service=" + service)).isEmpty();
    }

    @Test
    void an_id_names_one_deployment_and_is_refused_for_another_version() {
        String id = unique("deploy");
        report("{\"id\": \"" + id + "\", \"service\": \"" + service + "\", \"stage\": \"prod\", \"version\": \"1.0.0\", "
                + "\"status\": \"STARTED\"}").expectStatus(200);

        report("{\"id\": \"" + id + "\", \"service\": \"" + service + "\", \"stage\": \"prod\", \"version\": \"1.0.1\", "
                + "\"status\": \"SUCCEEDED\"}").expectProblem(409);

        assertThat(list("service=" + service)).singleElement()
                .satisfies(deployment -> assertThat(deployment.path("status").asString()).isEqualTo("STARTED"));
    }

    @Test
    void lists_deployments_newest_first_filtered_by_stage_and_limited() {
        report("beta", "1.0.0", "SUCCEEDED", "2026-11-26T08:00:00Z").expectStatus(200);
        report("beta", "1.1.0", "SUCCEEDED", "2026-11-26T09:00:00Z").expectStatus(200);
        report("gamma", "1.0.0", "SUCCEEDED", "2026-11-26T10:00:00Z").expectStatus(200);
        report("beta", "1.2.0", "STARTED", "2026-11-26T11:00:00Z").expectStatus(200);

        assertThat(list("service=" + service)).extracting(d -> d.path("stage").asString() + " " + d.path("version").asString())
                .containsExactly("beta 1.2.0", "gamma 1.0.0", "beta 1.1.0", "beta 1.0.0");
        assertThat(list("service=" + service + "&stage=beta&limit=2")).extracting(d -> d.path("version").asString())
                .containsExactly("1.2.0", "1.1.0");
        assertThat(list("service=" + unique("unknown"))).isEmpty();
        assertThat(list("limit=1000")).extracting(d -> d.path("service").asString()).contains(service);
    }

    @Test
    void refuses_a_query_with_a_bad_limit_or_stage() {
        api.get("/api/v1/deployments?limit=0").asAdmin().send().expectRefusedAt("limit");
        api.get("/api/v1/deployments?limit=1001").asAdmin().send().expectRefusedAt("limit");
        api.get("/api/v1/deployments?service=" + service + "&stage=Prod").asAdmin().send().expectRefusedAt("stage");
        api.get("/api/v1/deployments?limit=ten").asAdmin().send().expectRefusedAt("limit");
    }

    @Test
    void needs_a_token_with_the_ingest_scope_to_report() {
        String body = "{\"service\": \"" + service + "\", \"stage\": \"prod\", \"version\": \"1.0.0\", \"status\": \"STARTED\"}";

        api.post("/api/v1/deployments").json(body).send().expectProblem(401);
        api.post("/api/v1/deployments").token(api.createToken(null, "read", "gate")).json(body).send().expectProblem(403);
        assertThat(list("service=" + service)).isEmpty();
    }

    @Test
    void a_team_bound_token_reports_and_reads_only_its_own_team_s_services() {
        String otherTeam = api.createTeam(unique("search"));
        String otherService = api.createService(unique("query"), otherTeam, "prod");
        String own = api.createToken(team, "ingest", "read");
        String foreign = api.createToken(otherTeam, "ingest", "read");
        String body = "{\"service\": \"" + service + "\", \"stage\": \"prod\", \"version\": \"1.0.0\", \"status\": \"STARTED\"}";
        api.post("/api/v1/deployments").token(api.createToken(null, "ingest")).json("{\"service\": \"" + otherService
                + "\", \"stage\": \"prod\", \"version\": \"9.0.0\", \"status\": \"STARTED\"}").send().expectStatus(200);

        api.post("/api/v1/deployments").token(foreign).json(body).send().expectProblem(403);
        api.post("/api/v1/deployments").token(own).json(body).send().expectStatus(200);

        api.get("/api/v1/deployments?service=" + service).token(foreign).send().expectProblem(403);
        assertThat(api.get("/api/v1/deployments?service=" + service).token(own).send().expectStatus(200).json().size())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/deployments?limit=1000").token(own).send().expectStatus(200).json().values())
                .extracting(d -> d.path("service").asString()).containsOnly(service);
    }

    @Test
    void the_openapi_document_describes_the_delivery_and_goal_endpoints() {
        ApiResponse document = api.get("/v3/api-docs").asAdmin().send().expectStatus(200);

        assertThat(document.json().path("paths").propertyNames()).contains("/api/v1/deployments", "/api/v1/test-runs",
                "/api/v1/cdevents", "/api/v1/teams/{team}/goals", "/api/v1/teams/{team}/goals/{goal}");
        assertThat(document.json().path("paths").path("/api/v1/deployments").propertyNames()).contains("get", "post");
    }

    @Test
    void the_gate_and_dora_read_the_latest_deployment_per_stage_finished_windows_and_when_a_version_succeeded() {
        report("beta", "1.0.0", "SUCCEEDED", "2026-11-26T08:00:00Z").expectStatus(200);
        report("beta", "1.1.0", "STARTED", "2026-11-26T09:00:00Z").expectStatus(200);
        report("prod", "1.0.0", "STARTED", "2026-11-26T10:00:00Z").expectStatus(200);
        report("prod", "1.0.0", "SUCCEEDED", "2026-11-26T10:20:00Z").expectStatus(200);
        report("gamma", "0.9.0", "FAILED", "2026-11-26T07:00:00Z").expectStatus(200);

        assertThat(deployments.latest(service, "beta")).map(Deployment::version).contains("1.1.0");
        assertThat(deployments.latestPerStage(service)).extractingFromEntries(entry -> entry.getKey() + " "
                + entry.getValue().version() + " " + entry.getValue().status())
                .containsExactly("beta 1.1.0 STARTED", "gamma 0.9.0 FAILED", "prod 1.0.0 SUCCEEDED");
        assertThat(deployments.succeededAt(service, "prod", "1.0.0")).contains(Instant.parse("2026-11-26T10:20:00Z"));
        assertThat(deployments.succeededAt(service, "beta", "1.1.0")).as("still running").isEmpty();
        assertThat(deployments.succeededAt(service, "gamma", "0.9.0")).as("failed").isEmpty();
        assertThat(deployments.finishedBetween(service, "prod", Instant.parse("2026-11-26T10:00:00Z"),
                Instant.parse("2026-11-26T11:00:00Z"))).extracting(Deployment::version).containsExactly("1.0.0");
        assertThat(deployments.finishedBetween(service, "beta", Instant.parse("2026-11-26T08:00:00Z"),
                Instant.parse("2026-11-26T12:00:00Z"))).extracting(Deployment::version).containsExactly("1.0.0");

        report("prod", "1.0.0", "ROLLED_BACK", "2026-11-26T11:00:00Z").expectStatus(200);

        assertThat(deployments.succeededAt(service, "prod", "1.0.0")).as("rolled back since").isEmpty();
    }
}
