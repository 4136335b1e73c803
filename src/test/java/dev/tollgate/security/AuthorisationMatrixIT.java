package dev.tollgate.security;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.HttpApiTest;
import dev.tollgate.testing.TestClock;

/**
 * API.md "Authentication and authorisation", endpoint by endpoint: 401 without a valid token,
 * 403 without the scope or the team, success with them. One line of {@link #ENDPOINTS} per
 * endpoint; every refusal is a problem document and changes nothing.
 */
@HttpApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixIT {

    /** How an endpoint treats a token bound to one team. */
    enum Binding {
        /** Not about one team (lists, documents): a team-bound token is served, within its team. */
        ANY,
        /** Acts on one team: a token bound to another team is refused. */
        TEAM,
        /** Global settings: every team-bound token is refused. */
        UNBOUND
    }

    /**
     * One endpoint: the scope it needs, how team binding applies, the status of success, and how
     * to call it on a given team (a fresh team per call, so every call would succeed if allowed).
     */
    record Endpoint(String name, Scope scope, Binding binding, int success, BiFunction<ApiClient, String, ApiClient.Call> call) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String GOAL = "{\"category\": \"FEATURES\", \"title\": \"Refunds\", \"target\": 1, \"current\": 0}";

    private static String rule(String scope) {
        return "{\"name\": \"Bake\", \"scope\": " + scope + ", \"kind\": \"BAKE_TIME\", \"params\": {\"duration\": \"PT1H\"}}";
    }

    private static final String WEBHOOK = "{\"url\": \"https://hooks.example.com/tollgate\", \"format\": \"JSON\"}";

    /** Sets the team's webhook as the bootstrap admin and answers where it is. */
    private static String webhookOf(ApiClient api, String team) {
        return api.put("/api/v1/teams/" + team + "/webhook").asAdmin().json(WEBHOOK).send().expectStatus(201)
                .header("Location");
    }

    private static String deployment(String service) {
        return "{\"service\": \"" + service + "\", \"stage\": \"prod\", \"version\": \"1.0.0\", \"status\": \"STARTED\"}";
    }

    /** The application's clock (tests may move it forward), for bodies that name a time ahead of it. */
    private static Clock serverClock;

    private static String question(String service) {
        return "{\"service\": \"" + service + "\", \"stage\": \"prod\", \"version\": \"1.0.0\"}";
    }

    private static String override(String service) {
        return "{\"service\": \"" + service + "\", \"stage\": \"prod\", \"reason\": \"A known flaky alarm, see INC-1\", "
                + "\"expiresAt\": \"" + serverClock.instant().plus(Duration.ofHours(12)) + "\"}";
    }

    private static String review(String team) {
        return "{\"team\": \"" + team + "\", \"notes\": \"Looked at the alarms\"}";
    }

    private static String actionItem(String team) {
        return "{\"team\": \"" + team + "\", \"title\": \"Runbook\", \"owner\": \"Mei Chen\", \"due\": \"2026-12-31\"}";
    }

    /** Adds an action item to the team as the bootstrap admin and answers where it is. */
    private static String actionItemOf(ApiClient api, String team) {
        return api.post("/api/v1/action-items").asAdmin().json(actionItem(team)).send().expectStatus(201).header("Location");
    }

    static final Endpoint[] ENDPOINTS = {
        new Endpoint("GET /api/v1/teams", Scope.READ, Binding.ANY, 200,
                (api, team) -> api.get("/api/v1/teams")),
        new Endpoint("GET /api/v1/teams/{team}", Scope.READ, Binding.TEAM, 200,
                (api, team) -> api.get("/api/v1/teams/" + team)),
        new Endpoint("PUT /api/v1/teams/{team}", Scope.ADMIN, Binding.TEAM, 200,
                (api, team) -> api.put("/api/v1/teams/" + team).json("{\"name\": \"Renamed\"}")),
        new Endpoint("DELETE /api/v1/teams/{team}", Scope.ADMIN, Binding.TEAM, 204,
                (api, team) -> api.delete("/api/v1/teams/" + team)),
        new Endpoint("GET /api/v1/services", Scope.READ, Binding.ANY, 200,
                (api, team) -> api.get("/api/v1/services")),
        new Endpoint("GET /api/v1/services?team={team}", Scope.READ, Binding.TEAM, 200,
                (api, team) -> api.get("/api/v1/services?team=" + team)),
        new Endpoint("GET /api/v1/services/{service}", Scope.READ, Binding.TEAM, 200,
                (api, team) -> api.get("/api/v1/services/" + api.createService(unique("svc"), team))),
        new Endpoint("PUT /api/v1/services/{service}", Scope.ADMIN, Binding.TEAM, 201,
                (api, team) -> api.put("/api/v1/services/" + unique("svc"))
                        .json("{\"team\": \"" + team + "\", \"stages\": [\"beta\", \"prod\"]}")),
        new Endpoint("DELETE /api/v1/services/{service}", Scope.ADMIN, Binding.TEAM, 204,
                (api, team) -> api.delete("/api/v1/services/" + api.createService(unique("svc"), team))),
        new Endpoint("GET /api/v1/metric-definitions", Scope.READ, Binding.ANY, 200,
                (api, team) -> api.get("/api/v1/metric-definitions")),
        new Endpoint("PUT /api/v1/metric-definitions/{metric}", Scope.ADMIN, Binding.UNBOUND, 201,
                (api, team) -> api.put("/api/v1/metric-definitions/" + unique("matrix").replace('-', '_'))
                        .json("{\"category\": \"BUSINESS\", \"unit\": \"EUR\", \"better\": \"HIGHER\", \"aggregation\": \"sum\"}")),
        new Endpoint("GET /api/v1/config", Scope.READ, Binding.ANY, 200,
                (api, team) -> api.get("/api/v1/config")),
        new Endpoint("PUT /api/v1/config", Scope.ADMIN, Binding.TEAM, 200,
                (api, team) -> api.put("/api/v1/config")
                        .json("{\"teams\": [{\"id\": \"" + team + "\", \"name\": \"Renamed\"}]}")),
        new Endpoint("POST /api/v1/tokens", Scope.ADMIN, Binding.TEAM, 201,
                (api, team) -> api.post("/api/v1/tokens")
                        .json("{\"name\": \"matrix\", \"scopes\": [\"read\"], \"team\": \"" + team + "\"}")),
        new Endpoint("GET /api/v1/tokens", Scope.ADMIN, Binding.ANY, 200,
                (api, team) -> api.get("/api/v1/tokens")),
        new Endpoint("DELETE /api/v1/tokens/{id}", Scope.ADMIN, Binding.TEAM, 204,
                (api, team) -> api.delete("/api/v1/tokens/" + api.issueToken(team, "read").json().path("id").asString())),
        new Endpoint("GET /api/v1/audit", Scope.ADMIN, Binding.UNBOUND, 200,
                (api, team) -> api.get("/api/v1/audit")),
        new Endpoint("POST /api/v1/deployments", Scope.INGEST, Binding.TEAM, 200,
                (api, team) -> api.post("/api/v1/deployments").json(deployment(api.createService(unique("svc"), team)))),
        new Endpoint("GET /api/v1/deployments", Scope.READ, Binding.ANY, 200,
                (api, team) -> api.get("/api/v1/deployments")),
        new Endpoint("GET /api/v1/deployments?service={service}", Scope.READ, Binding.TEAM, 200,
                (api, team) -> api.get("/api/v1/deployments?service=" + api.createService(unique("svc"), team))),
        new Endpoint("POST /api/v1/test-runs", Scope.INGEST, Binding.TEAM, 200,
                (api, team) -> api.post("/api/v1/test-runs").json("{\"service\": \"" + api.createService(unique("svc"), team)
                        + "\", \"stage\": \"prod\", \"version\": \"1.0.0\", \"suite\": \"unit\", \"passed\": 1, \"failed\": 0}")),
        new Endpoint("GET /api/v1/test-runs?service={service}", Scope.READ, Binding.TEAM, 200,
                (api, team) -> api.get("/api/v1/test-runs?service=" + api.createService(unique("svc"), team))),
        new Endpoint("POST /api/v1/cdevents", Scope.INGEST, Binding.TEAM, 202,
                (api, team) -> api.post("/api/v1/cdevents").body("application/cloudevents+json", "{\"specversion\": \"1.0\", "
                        + "\"id\": \"1\", \"source\": \"/ci\", \"type\": \"dev.cdevents.service.deployed.0.2.0\", \"data\": "
                        + "{\"subject\": {\"id\": \"" + api.createService(unique("svc"), team) + "\", \"content\": {\"environment\": "
                        + "{\"id\": \"prod\"}, \"artifactId\": \"pkg:generic/x@1.0.0\"}}}}")),
        new Endpoint("PUT /api/v1/teams/{team}/goals/{goal}", Scope.INGEST, Binding.TEAM, 201,
                (api, team) -> api.put("/api/v1/teams/" + team + "/goals/refunds").json(GOAL)),
        new Endpoint("GET /api/v1/teams/{team}/goals", Scope.READ, Binding.TEAM, 200,
                (api, team) -> api.get("/api/v1/teams/" + team + "/goals")),
        new Endpoint("DELETE /api/v1/teams/{team}/goals/{goal}", Scope.ADMIN, Binding.TEAM, 204,
                (api, team) -> api.delete(api.put("/api/v1/teams/" + team + "/goals/refunds").asAdmin().json(GOAL).send()
                        .expectStatus(201).header("Location"))),
        new Endpoint("PUT /api/v1/teams/{team}/webhook", Scope.ADMIN, Binding.TEAM, 201,
                (api, team) -> api.put("/api/v1/teams/" + team + "/webhook").json(WEBHOOK)),
        new Endpoint("GET /api/v1/teams/{team}/webhook", Scope.READ, Binding.TEAM, 200,
                (api, team) -> api.get(webhookOf(api, team))),
        new Endpoint("DELETE /api/v1/teams/{team}/webhook", Scope.ADMIN, Binding.TEAM, 204,
                (api, team) -> api.delete(webhookOf(api, team))),
        new Endpoint("PUT /api/v1/rules/{rule} (a team's)", Scope.ADMIN, Binding.TEAM, 201,
                (api, team) -> api.put("/api/v1/rules/" + unique("rule")).json(rule("{\"team\": \"" + team + "\"}"))),
        new Endpoint("PUT /api/v1/rules/{rule} (a service's)", Scope.ADMIN, Binding.TEAM, 201,
                (api, team) -> api.put("/api/v1/rules/" + unique("rule"))
                        .json(rule("{\"service\": \"" + api.createService(unique("svc"), team) + "\"}"))),
        new Endpoint("PUT /api/v1/rules/{rule} (every service's)", Scope.ADMIN, Binding.UNBOUND, 201,
                (api, team) -> api.put("/api/v1/rules/" + unique("rule")).json(rule("{}"))),
        new Endpoint("GET /api/v1/rules", Scope.READ, Binding.ANY, 200,
                (api, team) -> api.get("/api/v1/rules")),
        new Endpoint("GET /api/v1/rules/{rule}", Scope.READ, Binding.TEAM, 200,
                (api, team) -> api.get(api.put("/api/v1/rules/" + unique("rule")).asAdmin()
                        .json(rule("{\"team\": \"" + team + "\"}")).send().expectStatus(201).header("Location"))),
        new Endpoint("DELETE /api/v1/rules/{rule}", Scope.ADMIN, Binding.TEAM, 204,
                (api, team) -> api.delete(api.put("/api/v1/rules/" + unique("rule")).asAdmin()
                        .json(rule("{\"team\": \"" + team + "\"}")).send().expectStatus(201).header("Location"))),
        new Endpoint("POST /api/v1/gate-evaluations", Scope.GATE, Binding.TEAM, 201,
                (api, team) -> api.post("/api/v1/gate-evaluations").json(question(api.createService(unique("svc"), team)))),
        new Endpoint("GET /api/v1/gate-evaluations", Scope.READ, Binding.ANY, 200,
                (api, team) -> api.get("/api/v1/gate-evaluations")),
        new Endpoint("GET /api/v1/gate-evaluations/{id}", Scope.READ, Binding.TEAM, 200,
                (api, team) -> api.get(api.post("/api/v1/gate-evaluations").asAdmin()
                        .json(question(api.createService(unique("svc"), team))).send().expectStatus(201).header("Location"))),
        new Endpoint("POST /api/v1/overrides", Scope.OVERRIDE, Binding.TEAM, 201,
                (api, team) -> api.post("/api/v1/overrides").json(override(api.createService(unique("svc"), team)))),
        new Endpoint("GET /api/v1/overrides", Scope.READ, Binding.ANY, 200,
                (api, team) -> api.get("/api/v1/overrides")),
        new Endpoint("GET /api/v1/overrides/{id}", Scope.READ, Binding.TEAM, 200,
                (api, team) -> api.get(api.post("/api/v1/overrides").asAdmin()
                        .json(override(api.createService(unique("svc"), team))).send().expectStatus(201).header("Location"))),
        new Endpoint("DELETE /api/v1/overrides/{id}", Scope.OVERRIDE, Binding.TEAM, 204,
                (api, team) -> api.delete(api.post("/api/v1/overrides").asAdmin()
                        .json(override(api.createService(unique("svc"), team))).send().expectStatus(201).header("Location"))),
        new Endpoint("POST /api/v1/rules/backtest", Scope.READ, Binding.TEAM, 200,
                (api, team) -> api.post("/api/v1/rules/backtest").json("{\"rule\": " + rule("{}") + ", \"service\": \""
                        + api.createService(unique("svc"), team) + "\", \"stage\": \"prod\", \"from\": \"2026-01-01T00:00:00Z\", "
                        + "\"to\": \"2026-01-02T00:00:00Z\"}")),
        new Endpoint("GET /api/v1/teams/{team}/scorecard", Scope.READ, Binding.TEAM, 200,
                (api, team) -> api.get("/api/v1/teams/" + team + "/scorecard?period=P1D")),
        new Endpoint("GET /api/v1/teams/{team}/scorecard (text/csv)", Scope.READ, Binding.TEAM, 200,
                (api, team) -> api.get("/api/v1/teams/" + team + "/scorecard?period=P1D").header("Accept", "text/csv")),
        new Endpoint("GET /api/v1/services/{service}/scorecard", Scope.READ, Binding.TEAM, 200,
                (api, team) -> api.get("/api/v1/services/" + api.createService(unique("svc"), team) + "/scorecard")),
        new Endpoint("POST /api/v1/reviews", Scope.REVIEW, Binding.TEAM, 201,
                (api, team) -> api.post("/api/v1/reviews").json(review(team))),
        new Endpoint("GET /api/v1/reviews", Scope.READ, Binding.ANY, 200,
                (api, team) -> api.get("/api/v1/reviews")),
        new Endpoint("GET /api/v1/reviews?team={team}", Scope.READ, Binding.TEAM, 200,
                (api, team) -> api.get("/api/v1/reviews?team=" + team)),
        new Endpoint("GET /api/v1/reviews/{id}", Scope.READ, Binding.TEAM, 200,
                (api, team) -> api.get(api.post("/api/v1/reviews").asAdmin().json(review(team)).send().expectStatus(201)
                        .header("Location"))),
        new Endpoint("POST /api/v1/action-items", Scope.REVIEW, Binding.TEAM, 201,
                (api, team) -> api.post("/api/v1/action-items").json(actionItem(team))),
        new Endpoint("GET /api/v1/action-items", Scope.READ, Binding.ANY, 200,
                (api, team) -> api.get("/api/v1/action-items?open=true")),
        new Endpoint("GET /api/v1/action-items?team={team}", Scope.READ, Binding.TEAM, 200,
                (api, team) -> api.get("/api/v1/action-items?team=" + team)),
        new Endpoint("GET /api/v1/action-items/{id}", Scope.READ, Binding.TEAM, 200,
                (api, team) -> api.get(actionItemOf(api, team))),
        new Endpoint("POST /api/v1/action-items/{id}/done", Scope.REVIEW, Binding.TEAM, 200,
                (api, team) -> api.post(actionItemOf(api, team) + "/done")),
        new Endpoint("GET /v3/api-docs", Scope.READ, Binding.ANY, 200,
                (api, team) -> api.get("/v3/api-docs")),
        new Endpoint("GET /actuator/prometheus", Scope.READ, Binding.ANY, 200,
                (api, team) -> api.get("/actuator/prometheus")),
    };

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    private ApiClient api;
    private String homeTeam;
    private String expiredToken;
    private String revokedToken;
    /** Unbound tokens with exactly one scope. */
    private final Map<Scope, String> withScope = new HashMap<>();
    /** Unbound tokens with every scope but one (and so without admin, which implies all). */
    private final Map<Scope, String> withoutScope = new HashMap<>();
    /** Tokens with one scope, bound to {@link #homeTeam}. */
    private final Map<Scope, String> boundToHome = new HashMap<>();

    static Stream<Endpoint> endpoints() {
        return Arrays.stream(ENDPOINTS);
    }

    static Stream<Endpoint> endpointsRefusingOtherTeams() {
        return endpoints().filter(endpoint -> endpoint.binding() != Binding.ANY);
    }

    static Stream<Endpoint> endpointsServingBoundTokens() {
        return endpoints().filter(endpoint -> endpoint.binding() != Binding.UNBOUND);
    }

    @BeforeAll
    void issueTokens() {
        api = new ApiClient(port);
        serverClock = clock;
        homeTeam = api.createTeam(unique("home"));
        for (Scope scope : EnumSet.allOf(Scope.class)) {
            withScope.put(scope, api.createToken(null, scope.wireName()));
            boundToHome.put(scope, api.createToken(homeTeam, scope.wireName()));
            withoutScope.put(scope, api.createToken(null, EnumSet.complementOf(EnumSet.of(scope, Scope.ADMIN)).stream()
                    .map(Scope::wireName).toArray(String[]::new)));
        }
        expiredToken = api.post("/api/v1/tokens").asAdmin()
                .json("{\"name\": \"expiring\", \"scopes\": [\"admin\"], \"expiresAt\": \""
                        + clock.instant().plus(Duration.ofMinutes(1)) + "\"}")
                .send().expectStatus(201).json().path("token").asString();
        clock.advance(Duration.ofMinutes(2));
        ApiResponse revoked = api.issueToken(null, "admin");
        revokedToken = revoked.json().path("token").asString();
        api.delete("/api/v1/tokens/" + revoked.json().path("id").asString()).asAdmin().send().expectStatus(204);
    }

    /** Calls the endpoint on a fresh team with {@code token}, and checks a refusal changed nothing. */
    private ApiResponse call(Endpoint endpoint, String team, String token) {
        ApiClient.Call call = endpoint.call().apply(api, team).token(token);
        long auditedBefore = api.newestAuditId();
        ApiResponse response = call.send();
        if (response.status() >= 400) {
            assertThat(api.newestAuditId()).as("audit log after a refused %s", endpoint).isEqualTo(auditedBefore);
        }
        return response;
    }

    private ApiResponse call(Endpoint endpoint, String token) {
        return call(endpoint, api.createTeam(unique("team")), token);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void answers_401_without_a_token(Endpoint endpoint) {
        call(endpoint, null).expectProblem(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void answers_401_to_an_unknown_token(Endpoint endpoint) {
        call(endpoint, "tg_" + "x".repeat(43)).expectProblem(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void answers_401_to_an_expired_token(Endpoint endpoint) {
        call(endpoint, expiredToken).expectProblem(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void answers_401_to_a_revoked_token(Endpoint endpoint) {
        call(endpoint, revokedToken).expectProblem(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void answers_401_with_a_www_authenticate_challenge(Endpoint endpoint) {
        assertThat(call(endpoint, null).header("WWW-Authenticate")).startsWith("Bearer");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void answers_403_to_a_token_without_the_scope(Endpoint endpoint) {
        call(endpoint, withoutScope.get(endpoint.scope())).expectProblem(403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsRefusingOtherTeams")
    void answers_403_to_a_token_bound_to_another_team(Endpoint endpoint) {
        call(endpoint, boundToHome.get(endpoint.scope())).expectProblem(403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void succeeds_with_a_token_that_has_the_scope(Endpoint endpoint) {
        call(endpoint, withScope.get(endpoint.scope())).expectStatus(endpoint.success());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsServingBoundTokens")
    void succeeds_with_a_token_bound_to_the_team_it_acts_on(Endpoint endpoint) {
        String team = api.createTeam(unique("own"));
        String bound = api.createToken(team, endpoint.scope().wireName());

        call(endpoint, team, bound).expectStatus(endpoint.success());
    }

    @Test
    void the_table_names_every_endpoint_once() {
        assertThat(endpoints().map(Endpoint::name).collect(Collectors.toSet())).hasSize(ENDPOINTS.length);
    }

    @Test
    void health_answers_without_credentials() {
        ApiResponse health = api.get("/actuator/health").send().expectStatus(200);

        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void an_unknown_api_path_answers_401_without_a_token_and_404_with_one() {
        api.get("/api/v1/no-such-thing").send().expectProblem(401);
        api.get("/api/v1/no-such-thing").token(withScope.get(Scope.READ)).send().expectProblem(404);
    }

    @Test
    void actuator_endpoints_that_are_not_exposed_are_not_found() {
        api.get("/actuator/env").send().expectProblem(401);
        api.get("/actuator/env").token(withScope.get(Scope.ADMIN)).send().expectProblem(404);
        api.get("/actuator/health/liveness").send().expectStatus(200);
    }

    @Test
    void credentials_of_an_unknown_scheme_are_refused_not_ignored() {
        api.get("/api/v1/teams").header("Authorization", "Digest " + withScope.get(Scope.READ)).send().expectProblem(401);
    }
}
