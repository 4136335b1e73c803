package dev.tollgate.ingest;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.StringJoiner;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.HttpApiTest;
import tools.jackson.databind.JsonNode;

/** API.md "Ingestion" {@code POST /api/v1/metrics} and "Queries", through real HTTP. */
@HttpApiTest
class JsonIngestIT {

    @LocalServerPort
    int port;

    private ApiClient api;
    private String team;
    private String service;
    private String ingest;
    /** Whole minutes in the past, so that a store's minute resolution cannot blur the windows. */
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);

    @BeforeEach
    void catalog() {
        api = new ApiClient(port);
        team = api.createTeam(unique("ingest"));
        service = api.createService(unique("svc"), team, "beta", "prod");
        ingest = api.createToken(null, "ingest");
    }

    private ApiResponse post(String token, String json) {
        return api.post("/api/v1/metrics").token(token).json(json).send();
    }

    private static String point(String metric, String placement, double value, Instant time) {
        return "{\"metric\": \"" + metric + "\", " + placement + ", \"value\": " + value + ", \"time\": \"" + time + "\"}";
    }

    private JsonNode aggregate(String query) {
        return api.get("/api/v1/metrics/aggregate?" + query).asAdmin().send().expectStatus(200).json();
    }

    @Test
    void stores_points_and_answers_their_aggregates() {
        String placement = "\"service\": \"" + service + "\", \"stage\": \"prod\"";
        post(ingest, "[" + point("errors", placement, 3, start.plusSeconds(60)) + ", "
                + point("errors", placement, 4, start.plusSeconds(120)) + ", "
                + point("errors", "\"service\": \"" + service + "\", \"stage\": \"beta\"", 100, start.plusSeconds(60)) + "]")
                .expectStatus(200);

        JsonNode prod = aggregate("metric=errors&service=" + service + "&stage=prod&aggregation=sum&from=" + start
                + "&to=" + start.plus(1, ChronoUnit.HOURS));
        assertThat(prod.path("value").asDouble()).isEqualTo(7.0);
        assertThat(prod.path("count").asLong()).isEqualTo(2);
        assertThat(prod.path("aggregation").asString()).isEqualTo("sum");
        JsonNode all = aggregate("metric=errors&service=" + service + "&aggregation=max&from=" + start
                + "&to=" + start.plus(1, ChronoUnit.HOURS));
        assertThat(all.path("value").asDouble()).isEqualTo(100.0);
        JsonNode byTeam = aggregate("metric=errors&team=" + team + "&aggregation=count&from=" + start
                + "&to=" + start.plus(1, ChronoUnit.HOURS));
        assertThat(byTeam.path("value").asDouble()).isEqualTo(3.0);
    }

    @Test
    void answers_an_empty_window_with_a_null_value_and_a_zero_count() {
        JsonNode empty = aggregate("metric=errors&service=" + service + "&from=" + start + "&to=" + start.plusSeconds(600));
        assertThat(empty.path("count").asLong()).isZero();
        assertThat(empty.path("value").isNull()).isTrue();
        assertThat(empty.path("aggregation").asString()).isEqualTo("sum");
    }

    @Test
    void answers_a_series_bucketed_by_the_step() {
        String placement = "\"service\": \"" + service + "\"";
        post(ingest, "[" + point("requests", placement, 10, start.plusSeconds(60)) + ", "
                + point("requests", placement, 20, start.plusSeconds(90)) + ", "
                + point("requests", placement, 5, start.plusSeconds(600)) + "]").expectStatus(200);

        JsonNode series = api.get("/api/v1/metrics/series?metric=requests&service=" + service + "&aggregation=sum&from="
                + start + "&to=" + start.plusSeconds(900) + "&step=5m").asAdmin().send().expectStatus(200).json();

        assertThat(series.path("step").asString()).isEqualTo("PT5M");
        assertThat(series.path("points").size()).isEqualTo(2);
        assertThat(series.path("points").path(0).path(0).asLong()).isEqualTo(start.toEpochMilli());
        assertThat(series.path("points").path(0).path(1).asDouble()).isEqualTo(30.0);
        assertThat(series.path("points").path(1).path(0).asLong()).isEqualTo(start.plusSeconds(600).toEpochMilli());
        assertThat(series.path("points").path(1).path(1).asDouble()).isEqualTo(5.0);
    }

    @Test
    void stores_nothing_when_one_point_of_ten_thousand_is_bad() {
        StringJoiner points = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < 10_000; i++) {
            points.add(point("latency_ms", "\"service\": \"" + service + "\", \"stage\": \"prod\"",
                    i == 7_777 ? Double.NaN : i, start.plusSeconds(i % 3_000)));
        }
        // JSON has no NaN: the bad point is a text where a number belongs.
        ApiResponse refused = post(ingest, points.toString().replace("NaN", "\"NaN\"")).expectProblem(400);

        assertThat(refused.errorPointers()).containsExactly("/7777/value");
        assertThat(aggregate("metric=latency_ms&service=" + service + "&aggregation=count&from=" + start
                + "&to=" + start.plus(1, ChronoUnit.HOURS)).path("count").asLong()).isZero();
    }

    @Test
    void names_every_bad_point_and_stores_none() {
        String good = point("errors", "\"service\": \"" + service + "\"", 1, start.plusSeconds(60));
        ApiResponse refused = post(ingest, "[" + good + ", "
                + "{\"metric\": \"9starts-with-a-digit\", \"service\": \"" + service + "\", \"value\": 1}, "
                + "{\"metric\": \"errors\", \"service\": \"" + service + "\", \"team\": \"" + team + "\", \"value\": 1}, "
                + "{\"metric\": \"errors\", \"service\": \"" + service + "\", \"value\": 1e400}, "
                + "{\"metric\": \"errors\", \"service\": \"" + service + "\", \"value\": 1, \"time\": \"1969-12-31T23:59:59Z\"}, "
                + "{\"metric\": \"errors\", \"service\": \"" + service + "\", \"value\": 1, \"time\": \"2999-01-01T00:00:00Z\"}, "
                + "{\"metric\": \"errors\", \"service\": \"" + service + "\", \"value\": 1, \"tags\": {\"k\": \""
                + "x".repeat(257) + "\"}}, "
                + "{\"metric\": \"errors\", \"service\": \"" + service + "\", \"stage\": \"Prod\", \"value\": 1}]")
                .expectProblem(400);

        assertThat(refused.errorPointers()).containsExactly("/1/metric", "/2/team", "/3/value", "/4/time", "/5/time",
                "/6/tags/k", "/7/stage");
        assertThat(aggregate("metric=errors&service=" + service + "&aggregation=count&from=" + start
                + "&to=" + start.plus(1, ChronoUnit.HOURS)).path("count").asLong()).isZero();
    }

    @Test
    void registers_an_unknown_service_as_unowned() {
        String newcomer = unique("newcomer");
        post(ingest, "[" + point("requests", "\"service\": \"" + newcomer + "\", \"stage\": \"prod\"", 1,
                start.plusSeconds(60)) + "]").expectStatus(200);

        JsonNode registered = api.get("/api/v1/services/" + newcomer).asAdmin().send().expectStatus(200).json();
        assertThat(registered.path("team").isMissingNode() || registered.path("team").isNull()).isTrue();
        assertThat(api.auditAfter(0).stream().anyMatch(entry -> entry.path("action").asString().equals("SERVICE_REGISTERED")
                && entry.path("targetId").asString().equals(newcomer))).isTrue();
    }

    @Test
    void registers_a_team_bound_tokens_new_service_for_its_team() {
        String teamToken = api.createToken(team, "ingest", "read");
        String newcomer = unique("newcomer");
        post(teamToken, "[" + point("requests", "\"service\": \"" + newcomer + "\"", 1, start.plusSeconds(60)) + "]")
                .expectStatus(200);

        assertThat(api.get("/api/v1/services/" + newcomer).asAdmin().send().expectStatus(200).json().path("team")
                .asString()).isEqualTo(team);
    }

    @Test
    void refuses_a_team_bound_token_writing_to_another_teams_service_and_stores_nothing() {
        String otherTeam = api.createTeam(unique("other"));
        String otherToken = api.createToken(otherTeam, "ingest");
        post(otherToken, "[" + point("errors", "\"service\": \"" + service + "\"", 5, start.plusSeconds(60)) + "]")
                .expectProblem(403);
        post(otherToken, "[" + point("revenue", "\"team\": \"" + team + "\"", 5, start.plusSeconds(60)) + "]")
                .expectProblem(403);

        assertThat(aggregate("metric=errors&service=" + service + "&aggregation=count&from=" + start
                + "&to=" + start.plus(1, ChronoUnit.HOURS)).path("count").asLong()).isZero();
    }

    /** Owners come from services held in memory: a move must hold for the very next write. */
    @Test
    void follows_a_service_to_its_new_team_at_the_next_write() {
        String teamToken = api.createToken(team, "ingest");
        String otherTeam = api.createTeam(unique("other"));
        String otherToken = api.createToken(otherTeam, "ingest");
        String errors = "[" + point("errors", "\"service\": \"" + service + "\"", 1, start.plusSeconds(60)) + "]";
        post(teamToken, errors).expectStatus(200);
        post(otherToken, errors).expectProblem(403);

        api.put("/api/v1/services/" + service).asAdmin()
                .json("{\"team\": \"" + otherTeam + "\", \"stages\": [\"beta\", \"prod\"]}").send().expectStatus(200);

        post(teamToken, errors).expectProblem(403);
        post(otherToken, errors).expectStatus(200);
    }

    @Test
    void stores_team_level_points_and_refuses_unknown_teams() {
        post(ingest, "[" + point("signups", "\"team\": \"" + team + "\"", 42, start.plusSeconds(60)) + "]").expectStatus(200);
        assertThat(aggregate("metric=signups&team=" + team + "&aggregation=sum&from=" + start
                + "&to=" + start.plus(1, ChronoUnit.HOURS)).path("value").asDouble()).isEqualTo(42.0);

        post(ingest, "[" + point("signups", "\"team\": \"" + unique("nobody") + "\"", 1, start.plusSeconds(60)) + "]")
                .expectRefusedAt("/0/team");
    }

    @Test
    void refuses_more_than_a_hundred_thousand_points() {
        StringJoiner points = new StringJoiner(",", "[", "]");
        String one = "{\"metric\":\"e\",\"service\":\"" + service + "\",\"value\":1}";
        for (int i = 0; i <= 100_000; i++) {
            points.add(one);
        }
        post(ingest, points.toString()).expectProblem(413);
    }

    @Test
    void refuses_writes_without_the_ingest_scope() {
        String reader = api.createToken(null, "read");
        post(reader, "[" + point("errors", "\"service\": \"" + service + "\"", 1, start) + "]").expectProblem(403);
        post(null, "[]").expectProblem(401);
    }

    @Test
    void refuses_queries_that_are_not_valid() {
        api.get("/api/v1/metrics/aggregate?metric=errors").asAdmin().send().expectRefusedAt("service");
        api.get("/api/v1/metrics/aggregate?metric=errors&service=" + service + "&aggregation=median").asAdmin().send()
                .expectRefusedAt("aggregation");
        api.get("/api/v1/metrics/aggregate?metric=errors&service=" + service + "&from=" + start + "&to=" + start)
                .asAdmin().send().expectRefusedAt("from");
        api.get("/api/v1/metrics/series?metric=errors&service=" + service + "&step=30s").asAdmin().send()
                .expectRefusedAt("step");
        api.get("/api/v1/metrics/aggregate?metric=errors&service=" + unique("ghost")).asAdmin().send().expectProblem(404);
    }

    @Test
    void lets_a_team_bound_reader_read_only_its_own_team() {
        String otherTeam = api.createTeam(unique("other"));
        String otherReader = api.createToken(otherTeam, "read");
        api.get("/api/v1/metrics/aggregate?metric=errors&service=" + service).token(otherReader).send().expectProblem(403);
        api.get("/api/v1/metrics/aggregate?metric=errors&team=" + team).token(otherReader).send().expectProblem(403);
        String ownReader = api.createToken(team, "read");
        api.get("/api/v1/metrics/aggregate?metric=errors&service=" + service).token(ownReader).send().expectStatus(200);
    }
}
