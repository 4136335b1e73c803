package dev.tollgate.delivery;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.HttpApiTest;
import tools.jackson.databind.JsonNode;

/** API.md "Ingestion": {@code POST /api/v1/cdevents}, CDEvents carried as CloudEvents in all three modes. */
@HttpApiTest
class CdEventsApiIT {

    private static final String STRUCTURED = "application/cloudevents+json";
    private static final String BATCH = "application/cloudevents-batch+json";

    @LocalServerPort
    int port;

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

    /** A CDEvent 0.4 as its spec shows one. */
    private String cdevent(String type, String content, String customData) {
        return "{\"context\": {\"version\": \"0.4.1\", \"id\": \"" + unique("ctx") + "\", \"source\": \"/argo/prod\", "
                + "\"type\": \"" + type + "\", \"timestamp\": \"2026-11-26T10:15:00Z\"}, "
                + "\"subject\": {\"id\": \"service/" + service + "\", \"source\": \"/argo/prod\", \"content\": " + content + "}"
                + (customData == null ? "" : ", \"customData\": " + customData) + "}";
    }

    private String deployed(String predicate, String stage, String tag) {
        return cdevent("dev.cdevents.service." + predicate + ".0.2.0", "{\"environment\": {\"id\": \"" + stage + "\"}, "
                + "\"artifactId\": \"pkg:oci/" + service + "@sha256%3A0b31b1c0?tag=" + tag + "\"}", null);
    }

    private String suiteFinished(String outcome, String version) {
        return cdevent("dev.cdevents.testsuiterun.finished.0.2.0", "{\"environment\": {\"id\": \"beta\"}, "
                + "\"testSuite\": {\"id\": \"e2e\"}, \"outcome\": \"" + outcome + "\"}",
                "{\"service\": \"" + service + "\", \"version\": \"" + version + "\"}");
    }

    /** A CDEvent wrapped as a structured CloudEvent. */
    private static String cloudEvent(String cdevent) {
        String type = cdevent.replaceAll("(?s).*\"type\": \"([^\"]+)\".*", "$1");
        return "{\"specversion\": \"1.0\", \"id\": \"" + unique("event") + "\", \"source\": \"/argo/prod\", "
                + "\"type\": \"" + type + "\", \"datacontenttype\": \"application/json\", \"data\": " + cdevent + "}";
    }

    private ApiResponse send(String contentType, String body) {
        return api.post("/api/v1/cdevents").token(ingest).body(contentType, body).send();
    }

    private List<JsonNode> deployments() {
        return api.get("/api/v1/deployments?service=" + service).asAdmin().send().expectStatus(200).json().values().stream()
                .toList();
    }

    private List<JsonNode> testRuns() {
        return api.get("/api/v1/test-runs?service=" + service).asAdmin().send().expectStatus(200).json().values().stream()
                .toList();
    }

    @Test
    void a_service_deployed_event_in_structured_mode_is_a_deployment_that_succeeded() {
        ApiResponse accepted = send(STRUCTURED, cloudEvent(deployed("deployed", "prod", "1.4.2"))).expectStatus(202);

        assertThat(accepted.json().path("accepted").asInt()).isEqualTo(1);
        assertThat(accepted.json().path("ignored").asInt()).isZero();
        assertThat(deployments()).singleElement().satisfies(deployment -> {
            assertThat(deployment.path("stage").asString()).isEqualTo("prod");
            assertThat(deployment.path("version").asString()).isEqualTo("1.4.2");
            assertThat(deployment.path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(deployment.path("time").asString()).isEqualTo("2026-11-26T10:15:00Z");
        });
    }

    @Test
    void a_batch_maps_deployments_rollbacks_and_test_runs_and_counts_the_other_types_as_ignored() {
        String batch = "[" + cloudEvent(deployed("deployed", "beta", "2.0.0")) + ", "
                + cloudEvent(cdevent("dev.cdevents.pipelinerun.started.0.2.0", "{\"pipelineName\": \"release\"}", null)) + ", "
                + cloudEvent(deployed("upgraded", "prod", "2.0.0").replace("10:15:00Z", "10:30:00Z")) + ", "
                + cloudEvent(suiteFinished("pass", "2.0.0")) + ", "
                + cloudEvent(deployed("rolledback", "prod", "2.0.0").replace("10:15:00Z", "11:00:00Z")) + ", "
                + "{\"specversion\": \"1.0\", \"id\": \"x\", \"source\": \"/chat\", \"type\": \"com.example.message\", "
                + "\"data\": \"hello\"}]";

        ApiResponse accepted = send(BATCH, batch).expectStatus(202);

        assertThat(accepted.json().path("accepted").asInt()).isEqualTo(4);
        assertThat(accepted.json().path("ignored").asInt()).isEqualTo(2);
        assertThat(deployments()).extracting(d -> d.path("stage").asString() + " " + d.path("status").asString())
                .containsExactlyInAnyOrder("beta SUCCEEDED", "prod ROLLED_BACK");
        assertThat(deployments()).filteredOn(d -> d.path("stage").asString().equals("prod")).singleElement()
                .satisfies(prod -> assertThat(prod.path("history").values()).extracting(c -> c.path("status").asString())
                        .containsExactly("SUCCEEDED", "ROLLED_BACK"));
        assertThat(testRuns()).singleElement().satisfies(run -> {
            assertThat(run.path("suite").asString()).isEqualTo("e2e");
            assertThat(run.path("version").asString()).isEqualTo("2.0.0");
            assertThat(run.path("passed").asInt()).isEqualTo(1);
            assertThat(run.path("failed").asInt()).isZero();
        });
    }

    @Test
    void a_test_suite_run_in_binary_mode_is_a_test_run() {
        ApiResponse accepted = api.post("/api/v1/cdevents").token(ingest)
                .header("ce-specversion", "1.0")
                .header("ce-id", unique("event"))
                .header("ce-source", "/testkube")
                .header("ce-type", "dev.cdevents.testsuiterun.finished.0.2.0")
                .header("ce-time", "2026-11-26T10:20:00Z")
                .json(suiteFinished("fail", "3.0.0"))
                .send().expectStatus(202);

        assertThat(accepted.json().path("accepted").asInt()).isEqualTo(1);
        assertThat(testRuns()).singleElement().satisfies(run -> {
            assertThat(run.path("stage").asString()).isEqualTo("beta");
            assertThat(run.path("passed").asInt()).isZero();
            assertThat(run.path("failed").asInt()).isEqualTo(1);
            assertThat(run.path("time").asString()).isEqualTo("2026-11-26T10:15:00Z");
        });
    }

    @Test
    void an_event_of_another_type_is_acknowledged_in_every_mode() {
        send(STRUCTURED, "{\"specversion\": \"1.0\", \"id\": \"1\", \"source\": \"/x\", \"type\": \"dev.cdevents.build.finished.0.2.0\"}")
                .expectStatus(202);
        ApiResponse binary = api.post("/api/v1/cdevents").token(ingest).header("ce-specversion", "1.0")
                .header("ce-id", "2").header("ce-source", "/x").header("ce-type", "dev.cdevents.change.merged.0.2.0")
                .json("{\"not\": \"a cdevent\"}").send().expectStatus(202);

        assertThat(binary.json().path("accepted").asInt()).isZero();
        assertThat(binary.json().path("ignored").asInt()).isEqualTo(1);
        assertThat(send(BATCH, "[]").expectStatus(202).json().path("ignored").asInt()).isZero();
    }

    @Test
    void an_event_that_lacks_a_required_attribute_refuses_the_whole_batch_naming_its_index_and_the_attribute() {
        String missingId = cloudEvent(deployed("deployed", "prod", "1.0.0")).replaceFirst("\"id\": \"event-\\d+\", ", "");
        String batch = "[" + cloudEvent(deployed("deployed", "beta", "1.0.0")) + ", " + missingId + "]";

        ApiResponse refused = send(BATCH, batch).expectProblem(400);

        JsonNode error = refused.json().path("errors").path(0);
        assertThat(refused.json().path("errors").size()).isEqualTo(1);
        assertThat(error.path("index").asInt()).isEqualTo(1);
        assertThat(error.path("message").asString()).contains("'id'");
        assertThat(deployments()).as("all or nothing").isEmpty();
    }

    @Test
    void a_binary_event_without_its_ce_headers_is_refused() {
        ApiResponse refused = api.post("/api/v1/cdevents").token(ingest).json(deployed("deployed", "prod", "1.0.0"))
                .send().expectProblem(400);

        assertThat(refused.json().path("errors").values()).extracting(error -> error.path("message").asString())
                .anySatisfy(message -> assertThat(message).contains("'specversion'", "ce-specversion"));
        assertThat(deployments()).isEmpty();
    }

    @Test
    void a_mapped_event_that_cannot_be_stored_refuses_the_batch_naming_the_cdevent_field() {
        String batch = "[" + cloudEvent(deployed("deployed", "beta", "1.0.0")) + ", "
                + cloudEvent(deployed("deployed", "staging", "1.0.0")) + ", "
                + cloudEvent(deployed("deployed", "prod", "1.0.0").replace("service/" + service, "service/" + unique("nowhere"))
                        .replace("pkg:oci/" + service, "pkg:oci/nothing")) + "]";

        ApiResponse refused = send(BATCH, batch).expectProblem(400);

        assertThat(refused.json().path("errors").values()).extracting(e -> e.path("index").asInt() + ": " + e.path("message").asString())
                .satisfiesExactlyInAnyOrder(
                        message -> assertThat(message).startsWith("1: subject.content.environment.id").contains("staging"),
                        message -> assertThat(message).startsWith("2: names no service in the catalog")
                                .contains("subject.id", "subject.content.artifactId"));
        assertThat(deployments()).isEmpty();
    }

    @Test
    void a_body_that_is_no_cloud_event_is_refused() {
        send(STRUCTURED, "{\"specversion\": ").expectRefusedAt("/");
        send(STRUCTURED, "[]").expectRefusedAt("/");
        send(BATCH, "{}").expectRefusedAt("/");
        api.post("/api/v1/cdevents").token(ingest).body("text/plain", "hello").send().expectProblem(415);
    }

    @Test
    void needs_the_ingest_scope_and_for_a_team_bound_token_its_own_team() {
        String event = cloudEvent(deployed("deployed", "prod", "1.0.0"));
        String otherTeam = api.createTeam(unique("search"));

        api.post("/api/v1/cdevents").body(STRUCTURED, event).send().expectProblem(401);
        api.post("/api/v1/cdevents").token(api.createToken(null, "read", "gate")).body(STRUCTURED, event).send().expectProblem(403);
        api.post("/api/v1/cdevents").token(api.createToken(otherTeam, "ingest")).body(STRUCTURED, event).send().expectProblem(403);
        assertThat(deployments()).isEmpty();

        api.post("/api/v1/cdevents").token(api.createToken(team, "ingest")).body(STRUCTURED, event).send().expectStatus(202);
        assertThat(deployments()).hasSize(1);
    }

    @Test
    void a_rolledback_event_updates_the_deployment_its_deployed_event_created() {
        send(STRUCTURED, cloudEvent(deployed("deployed", "prod", "7.0.0"))).expectStatus(202);
        send(STRUCTURED, cloudEvent(deployed("deployed", "prod", "7.0.0"))).expectStatus(202);

        send(STRUCTURED, cloudEvent(deployed("rolledback", "prod", "7.0.0").replace("10:15:00Z", "12:00:00Z"))).expectStatus(202);

        assertThat(deployments()).singleElement().satisfies(deployment -> {
            assertThat(deployment.path("status").asString()).isEqualTo("ROLLED_BACK");
            assertThat(deployment.path("finishedAt").asString()).isEqualTo("2026-11-26T10:15:00Z");
            assertThat(deployment.path("history").size()).as("a replayed event adds nothing").isEqualTo(2);
        });
    }

    @Test
    void a_batch_of_thousands_of_events_is_stored_whole() {
        int count = 2500;
        String batch = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> cloudEvent(deployed("deployed", i % 2 == 0 ? "beta" : "prod", "1.0." + i)))
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));

        ApiResponse accepted = send(BATCH, batch).expectStatus(202);

        assertThat(accepted.json().path("accepted").asInt()).isEqualTo(count);
        assertThat(api.get("/api/v1/deployments?service=" + service + "&limit=1000").asAdmin().send().expectStatus(200)
                .json().size()).isEqualTo(1000);
    }
}
