package dev.tollgate.api;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.HttpApiTest;

/**
 * API.md "Conventions": refused input answers a 400 problem whose {@code errors} name every
 * offending item by pointer, and a request with one bad item stores nothing.
 */
@HttpApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedInputIT {

    /**
     * One bad request, the pointers its refusal must name, and where the thing it would have
     * created would be found ({@code null} when it has no address of its own).
     */
    record Refusal(String name, String method, String path, String contentType, String body, String[] pointers,
            String absentAt) {

        @Override
        public String toString() {
            return name;
        }
    }

    @LocalServerPort
    int port;

    private ApiClient api;
    private String team;

    @BeforeAll
    void createTeam() {
        api = new ApiClient(port);
        team = api.createTeam(unique("refusals"));
    }

    private static Refusal putTeam(String name, String id, String body, String... pointers) {
        return new Refusal(name, "PUT", "/api/v1/teams/" + id, "application/json", body, pointers, "/api/v1/teams/" + id);
    }

    private Refusal putService(String name, String body, String... pointers) {
        String id = unique("svc");
        return new Refusal(name, "PUT", "/api/v1/services/" + id, "application/json", body.replace("TEAM", team),
                pointers, "/api/v1/services/" + id);
    }

    private static Refusal putMetric(String name, String body, String... pointers) {
        String id = unique("metric").replace('-', '_');
        return new Refusal(name, "PUT", "/api/v1/metric-definitions/" + id, "application/json", body, pointers, null);
    }

    private Refusal postToken(String name, String body, String... pointers) {
        return new Refusal(name, "POST", "/api/v1/tokens", "application/json", body.replace("TEAM", team), pointers, null);
    }

    private static final String METRIC = "{\"category\": \"BUSINESS\", \"unit\": \"EUR\", \"better\": \"HIGHER\", \"aggregation\": \"sum\"";

    Stream<Refusal> refusals() {
        return Stream.of(
                putTeam("malformed JSON", unique("t"), "{\"name\": \"x\"", "/"),
                putTeam("JSON followed by more text", unique("t"), "{\"name\": \"x\"} {}", "/"),
                putTeam("an empty body", unique("t"), "", "/"),
                putTeam("a list for an object", unique("t"), "[]", "/"),
                putTeam("an unknown field", unique("t"), "{\"name\": \"x\", \"colour\": \"red\"}", "/colour"),
                putTeam("a list for a text", unique("t"), "{\"name\": [\"x\"]}", "/name"),
                putTeam("an object for a text", unique("t"), "{\"name\": \"x\", \"description\": {\"a\": 1}}", "/description"),
                putTeam("a missing name", unique("t"), "{\"description\": \"x\"}", "/name"),
                putTeam("a number for a text", unique("t"), "{\"name\": 123}", "/name"),
                putTeam("a field given twice", unique("t"), "{\"name\": \"x\", \"name\": \"y\"}", "/"),
                putTeam("a blank name", unique("t"), "{\"name\": \"  \"}", "/name"),
                putTeam("a team name over 200 characters", unique("t"), "{\"name\": \"" + "x".repeat(201) + "\"}", "/name"),
                putTeam("a team description over 2000 characters", unique("t"),
                        "{\"name\": \"x\", \"description\": \"" + "x".repeat(2001) + "\"}", "/description"),
                putTeam("a team id over 64 characters", "t" + "x".repeat(64), "{\"name\": \"x\"}", "team"),
                putTeam("an uppercase team id", unique("Payments"), "{\"name\": \"x\"}", "team"),
                putTeam("a team id starting with a dot", "." + unique("hidden"), "{\"name\": \"x\"}", "team"),
                putTeam("an HTML team id", "%3Cscript%3Ealert(1)", "{\"name\": \"x\"}", "team"),
                putService("a text for a list", "{\"team\": \"TEAM\", \"stages\": \"prod\"}", "/stages"),
                putService("a service name over 200 characters",
                        "{\"team\": \"TEAM\", \"name\": \"" + "x".repeat(201) + "\", \"stages\": [\"prod\"]}", "/name"),
                putService("a path traversal for a team", "{\"team\": \"../etc\", \"stages\": [\"prod\"]}", "/team"),
                putService("a path traversal for a stage", "{\"team\": \"TEAM\", \"stages\": [\"prod\", \"../../etc\"]}", "/stages/1"),
                putService("HTML for a stage", "{\"team\": \"TEAM\", \"stages\": [\"<script>alert(1)</script>\"]}", "/stages/0"),
                putService("a number for a stage list", "{\"team\": \"TEAM\", \"stages\": 3}", "/stages"),
                putMetric("a text for a number", METRIC + ", \"target\": \"high\"}", "/target"),
                putMetric("a number given as text", METRIC + ", \"target\": \"12\"}", "/target"),
                putMetric("an aggregation that is for rules only", METRIC.replace("\"sum\"", "\"rate\"") + "}", "/aggregation"),
                putMetric("a unit over 32 characters", METRIC.replace("EUR", "x".repeat(33)) + "}", "/unit"),
                putMetric("an unknown category", METRIC.replace("BUSINESS", "<b>FINANCE</b>") + "}", "/category"),
                postToken("a token name over 100 characters",
                        "{\"name\": \"" + "x".repeat(101) + "\", \"scopes\": [\"read\"]}", "/name"),
                postToken("an unknown scope", "{\"name\": \"x\", \"scopes\": [\"read\", \"write\"]}", "/scopes/1"),
                postToken("no scopes", "{\"name\": \"x\", \"scopes\": []}", "/scopes"),
                postToken("a time without an offset",
                        "{\"name\": \"x\", \"scopes\": [\"read\"], \"expiresAt\": \"2030-01-01T00:00:00\"}", "/expiresAt"),
                postToken("an expiry in the past",
                        "{\"name\": \"x\", \"scopes\": [\"read\"], \"expiresAt\": \"2020-01-01T00:00:00Z\"}", "/expiresAt"),
                postToken("a token for an unknown team",
                        "{\"name\": \"x\", \"scopes\": [\"read\"], \"team\": \"" + unique("nobody") + "\"}", "/team"),
                postToken("a token for an invalid team", "{\"name\": \"x\", \"scopes\": [\"read\"], \"team\": \"../TEAM\"}",
                        "/team"),
                new Refusal("a malformed YAML document", "PUT", "/api/v1/config", "application/yaml",
                        "teams: [ {id: x", new String[] { "/teams/0" }, null),
                new Refusal("an audit query with a bad time and limit", "GET", "/api/v1/audit?from=yesterday&limit=0",
                        null, null, new String[] { "from", "limit" }, null),
                new Refusal("an audit query with a limit that is no number", "GET", "/api/v1/audit?limit=ten",
                        null, null, new String[] { "limit" }, null));
    }

    private ApiResponse send(Refusal refusal) {
        ApiClient.Call call = api.call(refusal.method(), refusal.path()).asAdmin();
        if (refusal.body() != null) {
            call.body(refusal.contentType(), refusal.body());
        }
        return call.send();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refuses_with_400_naming_the_offending_items(Refusal refusal) {
        send(refusal).expectRefusedAt(refusal.pointers());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void a_refused_request_stores_nothing(Refusal refusal) {
        long audited = api.newestAuditId();

        send(refusal).expectStatus(400);

        assertThat(api.newestAuditId()).as("audit log").isEqualTo(audited);
        if (refusal.absentAt() != null) {
            api.get(refusal.absentAt()).asAdmin().send().expectProblem(404);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void a_refusal_is_never_an_html_page(Refusal refusal) {
        assertThat(send(refusal).contentType()).startsWith("application/problem+json");
    }

    @Test
    void names_every_offending_item_at_once() {
        String service = "Bad" + unique("svc");

        ApiResponse refused = api.put("/api/v1/services/" + service).asAdmin()
                .json("{\"team\": \"Nobody\", \"name\": \"" + "x".repeat(201) + "\", \"stages\": [\"A\", \"b\", \"b\"]}")
                .send();

        refused.expectRefusedAt("service", "/team", "/name", "/stages/0", "/stages/2");
    }

    @Test
    void lists_at_most_100_offending_items() {
        String teams = IntStream.range(0, 150).mapToObj(i -> "{\"id\": \"Bad" + i + "\", \"name\": \"x\"}")
                .collect(Collectors.joining(", ", "[", "]"));

        ApiResponse refused = api.put("/api/v1/config").asAdmin().json("{\"teams\": " + teams + "}").send();

        refused.expectProblem(400);
        assertThat(refused.errorPointers()).hasSize(100).startsWith("/teams/0/id", "/teams/1/id");
    }

    @Test
    void a_valid_request_after_a_refused_one_is_not_affected() {
        String id = unique("t");
        api.put("/api/v1/teams/" + id).asAdmin().json("{\"name\": \"x\", \"colour\": \"red\"}").send().expectStatus(400);

        api.put("/api/v1/teams/" + id).asAdmin().json("{\"name\": \"x\"}").send().expectStatus(201);
    }
}
