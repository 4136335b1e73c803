package dev.tollgate.api;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.HttpApiTest;

import tools.jackson.databind.JsonNode;

/** API.md "Conventions" that hold across endpoints: JSON in and out, problems, times, odd paths. */
@HttpApiTest
class ApiConventionsIT {

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void an_unknown_api_path_answers_a_404_problem_not_a_page() {
        ApiResponse missing = api.get("/api/v1/nothing-here").asAdmin().header("Accept", "text/html").send();

        missing.expectProblem(404);
        assertThat(missing.json().path("type").asString()).startsWith("urn:tollgate:problem:");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/teams/a;b", "/api/v1/teams/a%3Bb", "/api/v1/teams/a%25b", "/api/v1//teams",
            "/api/v1/teams/%2E%2E", "/api/v1/teams/%2e%2e" })
    void a_path_the_firewall_refuses_answers_a_400_problem_not_a_redirect_to_the_login_page(String path) {
        api.get(path).asAdmin().send().expectProblem(400);
        api.put(path).asAdmin().json("{\"name\": \"x\"}").send().expectProblem(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "..%2Fetc", "%2e%2e%2fetc", "a%2Fb", "a%5Cb", "a%00b" })
    void a_path_the_server_refuses_answers_400_without_echoing_it_and_stores_nothing(String id) {
        long audited = api.newestAuditId();

        ApiResponse refused = api.put("/api/v1/teams/" + id).asAdmin().json("{\"name\": \"<script>x</script>\"}").send();

        refused.expectStatus(400);
        assertThat(refused.body()).doesNotContain("etc", "script", "a/b", "a\\b");
        assertThat(api.newestAuditId()).isEqualTo(audited);
    }

    @Test
    void html_in_stored_text_comes_back_only_as_json() {
        String team = unique("html");
        api.put("/api/v1/teams/" + team).asAdmin().json("{\"name\": \"<script>alert(1)</script>\"}").send()
                .expectStatus(201);

        ApiResponse json = api.get("/api/v1/teams/" + team).asAdmin().send().expectStatus(200);
        ApiResponse asHtml = api.get("/api/v1/teams/" + team).asAdmin().header("Accept", "text/html").send();

        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.json().path("name").asString()).isEqualTo("<script>alert(1)</script>");
        asHtml.expectProblem(406);
        assertThat(asHtml.body()).doesNotContain("<script>");
    }

    @Test
    void an_answer_in_no_type_the_caller_accepts_is_refused_with_406() {
        String team = api.createTeam(unique("accept"));

        api.get("/api/v1/teams/" + team + "/scorecard").asAdmin().header("Accept", "application/xml").send()
                .expectProblem(406);
        api.get("/api/v1/teams/" + team + "/scorecard").asAdmin().header("Accept", "text/csv").send().expectStatus(200);
    }

    @Test
    void html_in_a_path_comes_back_only_inside_a_json_problem() {
        ApiResponse missing = api.get("/api/v1/teams/%3Cscript%3E").asAdmin().header("Accept", "text/html").send();

        missing.expectProblem(404);
        assertThat(missing.contentType()).doesNotContain("html");
    }

    @Test
    void a_body_of_another_media_type_answers_a_415_problem() {
        api.put("/api/v1/teams/" + unique("t")).asAdmin().body("text/plain", "{\"name\": \"x\"}").send().expectProblem(415);
    }

    @ParameterizedTest
    @ValueSource(strings = { "..%2Fsecret", "a%00b", "a%5Cb" })
    void a_path_tomcat_refuses_before_any_endpoint_answers_a_400_problem_not_html(String segment) {
        ApiResponse refused = api.get("/api/v1/teams/" + segment).asAdmin().send().expectProblem(400);

        assertThat(refused.contentType()).doesNotContain("html");
        assertThat(refused.json().path("detail").asString()).contains("path or headers are malformed");
    }

    @Test
    void a_body_an_endpoint_does_not_take_answers_a_415_problem_naming_what_it_takes() {
        ApiResponse text = api.post("/api/v1/metrics").asAdmin().body("text/plain", "[]").send().expectProblem(415);
        assertThat(text.header("Accept")).isEqualTo("application/json");
        assertThat(text.json().path("detail").asString()).contains("'text/plain'").contains("application/json");

        ApiResponse garbled = api.post("/api/v1/metrics").asAdmin().body(";;;", "[]").send().expectProblem(415);
        assertThat(garbled.json().path("detail").asString()).contains("';;;' is not a media type");
    }

    @Test
    void a_method_an_endpoint_does_not_take_answers_a_405_problem_with_allow() {
        ApiResponse get = api.get("/api/v1/metrics").asAdmin().send().expectProblem(405);
        assertThat(get.header("Allow")).isEqualTo("POST");
    }

    @Test
    void times_are_answered_in_rfc_3339_utc() {
        ApiResponse created = api.put("/api/v1/teams/" + unique("t")).asAdmin().json("{\"name\": \"x\"}").send()
                .expectStatus(201);

        assertThat(created.json().path("createdAt").asString())
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    }

    @Test
    void text_is_utf_8_both_ways() {
        String team = unique("t");

        api.put("/api/v1/teams/" + team).asAdmin().json("{\"name\": \"Zürich Ωmega 東京 🚀\"}").send().expectStatus(201);

        ApiResponse read = api.get("/api/v1/teams/" + team).asAdmin().send();
        assertThat(read.json().path("name").asString()).isEqualTo("Zürich Ωmega 東京 🚀");
    }

    @Test
    void the_openapi_document_describes_the_catalog_endpoints() {
        ApiResponse document = api.get("/v3/api-docs").asAdmin().send().expectStatus(200);

        assertThat(document.json().path("paths").propertyNames()).contains("/api/v1/teams", "/api/v1/teams/{team}",
                "/api/v1/services", "/api/v1/services/{service}", "/api/v1/metric-definitions",
                "/api/v1/metric-definitions/{metric}", "/api/v1/config", "/api/v1/tokens", "/api/v1/tokens/{id}",
                "/api/v1/audit", "/api/v1/teams/{team}/scorecard", "/api/v1/services/{service}/scorecard");
        assertThat(document.json().path("paths").path("/api/v1/teams/{team}/scorecard").path("get").path("responses")
                .path("200").path("content").propertyNames()).contains("application/json", "text/csv");
        assertThat(document.json().path("paths").propertyNames()).noneMatch(path -> path.contains("*"));
        JsonNode team = document.json().path("paths").path("/api/v1/teams/{team}");
        assertThat(team.path("put").path("responses").propertyNames()).contains("200", "201", "400", "401", "403");
        assertThat(team.path("put").path("responses").path("400").path("content").propertyNames())
                .containsExactly("application/problem+json");
        assertThat(team.path("delete").path("responses").propertyNames()).contains("204", "409").doesNotContain("200");
        assertThat(document.json().path("paths").path("/api/v1/tokens").path("post").path("responses").propertyNames())
                .contains("201").doesNotContain("200");
        assertThat(document.json().path("components").path("schemas").path("Problem").path("properties")
                .propertyNames()).contains("type", "title", "status", "detail", "errors");
        // The gate reads and writes its JSON itself: its operation is described by annotations.
        JsonNode gate = document.json().path("paths").path("/api/v1/gate-evaluations").path("post");
        assertThat(gate.path("requestBody").path("content").path("application/json").path("schema").path("$ref")
                .asString()).endsWith("/GateQuestion");
        assertThat(gate.path("parameters").values()).singleElement()
                .satisfies(enforce -> assertThat(enforce.path("name").asString()).isEqualTo("enforce"));
        assertThat(gate.path("responses").propertyNames()).contains("201", "409", "400", "413", "415", "503")
                .doesNotContain("200");
        assertThat(gate.path("responses").path("201").path("content").path("application/json").path("schema")
                .path("$ref").asString()).endsWith("/GateEvaluation");
    }
}
