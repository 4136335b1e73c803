package dev.tollgate.scorecard;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.HttpApiTest;
import dev.tollgate.testing.TestClock;
import tools.jackson.databind.JsonNode;

/** API.md "Scorecards": a team's and a service's, as JSON and as CSV, over a chosen past period. */
@HttpApiTest
class ScorecardApiIT {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    private ApiClient api;
    private String team;
    private String checkout;
    private String basket;
    private String reader;
    /** The end of the period the tests read: the data lies before it, the present after it. */
    private Instant at;

    @BeforeEach
    void seed() {
        api = new ApiClient(port);
        team = api.createTeam(unique("shop"));
        checkout = api.createService(unique("checkout"), team, "beta", "prod");
        basket = api.createService(unique("basket"), team, "beta", "prod");
        reader = api.createToken(team, "read");
        at = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));

        // This week: 30 errors in checkout's prod, 6 in basket's beta; the week before: 20 in checkout.
        metrics(point("errors", "service", checkout, "prod", 10, ago(1)), point("errors", "service", checkout, "prod", 20, ago(2)),
                point("errors", "service", basket, "beta", 6, ago(3)), point("errors", "service", checkout, "prod", 20, ago(8)),
                point("availability", "service", checkout, "prod", 99.95, ago(1)),
                point("availability", "service", checkout, "prod", 99.5, ago(2)),
                point("security_training_pct", "team", team, null, 80, ago(4)),
                point("security_training_pct", "team", team, null, 90, ago(2)));
        // Production: a version that succeeded (commit 5 hours before), one that failed, one that restored it 2 hours later.
        deployment("v1", "SUCCEEDED", ago(5), ago(5).minus(Duration.ofHours(5)));
        deployment("v2", "FAILED", ago(3), null);
        deployment("v3", "SUCCEEDED", ago(3).plus(Duration.ofHours(2)), null);
        api.put("/api/v1/teams/" + team + "/goals/refunds").asAdmin()
                .json("{\"category\": \"FEATURES\", \"title\": \"Ship one-click refunds\", \"target\": 8, \"current\": 6}")
                .send().expectStatus(201);
    }

    private Instant ago(int days) {
        return at.minus(Duration.ofDays(days));
    }

    private static String point(String metric, String placeBy, String place, String stage, double value, Instant time) {
        return "{\"metric\": \"" + metric + "\", \"" + placeBy + "\": \"" + place + "\""
                + (stage == null ? "" : ", \"stage\": \"" + stage + "\"") + ", \"value\": " + value + ", \"time\": \""
                + time + "\"}";
    }

    private void metrics(String... points) {
        api.post("/api/v1/metrics").asAdmin().json("[" + String.join(",", points) + "]").send().expectStatus(200);
    }

    private void deployment(String version, String status, Instant time, Instant commitTime) {
        api.post("/api/v1/deployments").asAdmin().json("{\"service\": \"" + checkout + "\", \"stage\": \"prod\", "
                + "\"version\": \"" + version + "\", \"status\": \"" + status + "\", \"time\": \"" + time + "\""
                + (commitTime == null ? "" : ", \"commit\": \"abc\", \"commitTime\": \"" + commitTime + "\"") + "}")
                .send().expectStatus(200);
    }

    private JsonNode teamCard(String query) {
        return api.get("/api/v1/teams/" + team + "/scorecard?" + query).token(reader).send().expectStatus(200).json();
    }

    private static JsonNode item(JsonNode list, String key) {
        return StreamSupport.stream(list.spliterator(), false)
                .filter(item -> key.equals(item.path("metric").asString(null)) || key.equals(item.path("goal").asString(null)))
                .findFirst().orElseThrow(() -> new AssertionError("no item " + key + " in " + list));
    }

    @Test
    void a_team_scorecard_has_every_quadrant_with_value_previous_delta_target_and_status() {
        JsonNode card = teamCard("period=P7D&at=" + at);

        assertThat(card.path("team").asString()).isEqualTo(team);
        assertThat(card.path("period").asString()).isEqualTo("P7D");
        assertThat(card.path("to").asString()).isEqualTo(at.toString());
        assertThat(card.path("from").asString()).isEqualTo(ago(7).toString());
        JsonNode errors = item(card.path("operational"), "errors");
        assertThat(errors.path("value").asDouble()).isEqualTo(36.0);
        assertThat(errors.path("previous").asDouble()).isEqualTo(20.0);
        assertThat(errors.path("deltaPct").asDouble()).isEqualTo(80.0);
        assertThat(errors.path("status").asString()).isEqualTo("BAD");
        assertThat(errors.path("series").size()).isEqualTo(3);
        assertThat(errors.path("series").get(0).size()).isEqualTo(2);
        JsonNode availability = item(card.path("operational"), "availability");
        assertThat(availability.path("value").asDouble()).isEqualTo(99.725);
        assertThat(availability.path("target").asDouble()).isEqualTo(99.9);
        assertThat(availability.path("status").asString()).isEqualTo("BAD");
        assertThat(availability.path("previous").isNull()).isTrue();
        JsonNode throttles = item(card.path("operational"), "throttles");
        assertThat(throttles.path("value").isNull()).isTrue();
        assertThat(throttles.path("status").asString()).isEqualTo("NO_DATA");
        JsonNode training = item(card.path("enablement"), "security_training_pct");
        assertThat(training.path("value").asDouble()).isEqualTo(90.0);
        assertThat(training.path("status").asString()).isEqualTo("BAD");
        assertThat(card.path("business").isArray()).isTrue();
    }

    @Test
    void input_goals_show_progress_toward_their_target_from_when_they_were_set() {
        JsonNode now = teamCard("period=P7D");
        JsonNode refunds = item(now.path("inputGoals"), "refunds");
        assertThat(refunds.path("value").asDouble()).isEqualTo(6.0);
        assertThat(refunds.path("target").asDouble()).isEqualTo(8.0);
        assertThat(refunds.path("progressPct").asDouble()).isEqualTo(75.0);
        assertThat(refunds.path("title").asString()).isEqualTo("Ship one-click refunds");
        assertThat(refunds.path("category").asString()).isEqualTo("FEATURES");
        assertThat(refunds.path("status").asString()).isEqualTo("WATCH");

        // Set after the end of an earlier period, the goal is not part of it.
        assertThat(teamCard("period=P7D&at=" + at).path("inputGoals").size()).isZero();
    }

    @Test
    void dora_figures_read_the_production_deployments_of_the_period() {
        JsonNode dora = teamCard("period=P7D&at=" + at).path("dora");

        assertThat(dora.path("deploymentFrequency").path("value").asDouble()).isEqualTo(0.29); // 2 successes / 7 days
        assertThat(dora.path("deploymentFrequency").path("unit").asString()).isEqualTo("per day");
        assertThat(dora.path("changeFailureRate").path("value").asDouble()).isEqualTo(33.33);
        assertThat(dora.path("leadTimeForChanges").path("value").asDouble()).isEqualTo(5.0);
        assertThat(dora.path("timeToRestore").path("value").asDouble()).isEqualTo(2.0);
        assertThat(dora.path("reworkRate").path("value").asDouble()).isEqualTo(33.33);
        assertThat(dora.path("deployments").asInt()).isEqualTo(3);
        assertThat(dora.path("failures").asInt()).isEqualTo(1);
    }

    @Test
    void the_dora_figures_of_the_period_before_are_those_its_own_scorecard_shows() {
        // The week before: a success, a failure restored within it, and one restored only this week.
        deployment("v0", "SUCCEEDED", ago(12), ago(12).minus(Duration.ofHours(3)));
        deployment("v0.1", "FAILED", ago(10), null);
        deployment("v0.2", "SUCCEEDED", ago(10).plus(Duration.ofHours(4)), ago(10));
        deployment("v0.3", "FAILED", ago(8), null);
        deployment("v0.4", "SUCCEEDED", ago(6), null);

        JsonNode dora = teamCard("period=P7D&at=" + at).path("dora");
        JsonNode before = teamCard("period=P7D&at=" + ago(7)).path("dora");

        assertThat(before.path("deployments").asInt()).isEqualTo(4);
        assertThat(before.path("failures").asInt()).isEqualTo(2);
        assertThat(before.path("unrestoredFailures").asInt()).isEqualTo(1);
        for (String figure : List.of("deploymentFrequency", "leadTimeForChanges", "changeFailureRate", "timeToRestore",
                "reworkRate")) {
            assertThat(before.path(figure).path("value").isNull()).as(figure).isFalse();
            assertThat(dora.path(figure).path("previous")).as(figure).isEqualTo(before.path(figure).path("value"));
        }
    }

    @Test
    void the_gate_tally_counts_the_evaluations_of_the_period() {
        api.post("/api/v1/gate-evaluations").asAdmin()
                .json("{\"service\": \"" + checkout + "\", \"stage\": \"prod\", \"version\": \"v9\"}").send().expectStatus(201);

        JsonNode gates = teamCard("period=P1D").path("gates");

        assertThat(gates.path("evaluations").asInt()).isEqualTo(1);
        assertThat(gates.path("promoted").asInt()).isEqualTo(1);
        assertThat(gates.path("stopped").asInt()).isZero();
        assertThat(gates.propertyNames()).containsExactlyInAnyOrder("evaluations", "promoted", "waited", "stopped",
                "rolledBack", "overridden");
    }

    @Test
    void a_past_period_reads_as_it_stood_then() {
        JsonNode card = teamCard("period=P7D&at=" + ago(7));

        JsonNode errors = item(card.path("operational"), "errors");
        assertThat(errors.path("value").asDouble()).isEqualTo(20.0);
        assertThat(errors.path("previous").isNull()).isTrue();
        assertThat(card.path("dora").path("deployments").asInt()).isZero();
    }

    @Test
    void a_service_scorecard_reads_that_service_only_and_its_team_goals_and_enablement() {
        JsonNode card = api.get("/api/v1/services/" + basket + "/scorecard?period=P7D&at=" + at).token(reader).send()
                .expectStatus(200).json();

        assertThat(card.path("service").asString()).isEqualTo(basket);
        assertThat(card.path("team").asString()).isEqualTo(team);
        assertThat(item(card.path("operational"), "errors").path("value").asDouble()).isEqualTo(6.0);
        assertThat(item(card.path("enablement"), "security_training_pct").path("value").asDouble()).isEqualTo(90.0);
        assertThat(card.path("dora").path("deployments").asInt()).isZero();
    }

    @Test
    void an_unowned_service_has_a_scorecard_of_its_own_figures_without_a_team() {
        String unowned = unique("stray");
        metrics(point("errors", "service", unowned, "prod", 4, ago(1)));

        JsonNode card = api.get("/api/v1/services/" + unowned + "/scorecard?at=" + at).asAdmin().send().expectStatus(200).json();

        assertThat(card.path("team").isNull()).isTrue();
        assertThat(item(card.path("operational"), "errors").path("value").asDouble()).isEqualTo(4.0);
        assertThat(card.path("inputGoals").size()).isZero();
        assertThat(card.path("enablement").size()).isZero();
        api.get("/api/v1/services/" + unowned + "/scorecard").token(reader).send().expectProblem(403);
    }

    @Test
    void business_metrics_appear_on_the_scorecards_of_the_teams_that_have_them() {
        api.put("/api/v1/metric-definitions/" + team.replace('-', '_') + "_orders").asAdmin()
                .json("{\"category\": \"BUSINESS\", \"unit\": \"count\", \"better\": \"HIGHER\", \"aggregation\": \"sum\"}")
                .send().expectStatus(201);
        metrics(point(team.replace('-', '_') + "_orders", "team", team, null, 120, ago(1)));
        String other = api.createTeam(unique("other"));

        assertThat(item(teamCard("period=P7D&at=" + at).path("business"), team.replace('-', '_') + "_orders")
                .path("value").asDouble()).isEqualTo(120.0);
        JsonNode theirs = api.get("/api/v1/teams/" + other + "/scorecard?at=" + at).asAdmin().send().expectStatus(200).json();
        assertThat(theirs.path("business").size()).isZero();
    }

    @Test
    void the_scorecard_as_csv_has_a_row_per_figure() {
        ApiResponse csv = api.get("/api/v1/teams/" + team + "/scorecard?period=P7D&at=" + at).token(reader)
                .header("Accept", "text/csv").send().expectStatus(200);

        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + team + "-scorecard.csv\"");
        List<String> rows = csv.body().lines().toList();
        assertThat(rows.getFirst()).isEqualTo(ScorecardCsv.HEADER);
        assertThat(rows).anyMatch(row -> row.startsWith("operational,errors,") && row.endsWith(",36,20,80,,BAD"));
        assertThat(rows).anyMatch(row -> row.startsWith("dora,change_failure_rate,"));
        assertThat(rows).contains("gates,evaluations,,count,0,,,,");
        ApiResponse serviceCsv = api.get("/api/v1/services/" + basket + "/scorecard?at=" + at).token(reader)
                .header("Accept", "text/csv").send().expectStatus(200);
        assertThat(serviceCsv.body()).contains("operational,errors,");
    }

    @Test
    void a_bad_period_or_time_is_refused_naming_it_also_when_csv_was_asked_for() {
        api.get("/api/v1/teams/" + team + "/scorecard?period=banana").token(reader).send().expectRefusedAt("period");
        api.get("/api/v1/teams/" + team + "/scorecard?period=PT5M").token(reader).send().expectRefusedAt("period");
        api.get("/api/v1/teams/" + team + "/scorecard?period=P400D").token(reader).send().expectRefusedAt("period");
        api.get("/api/v1/services/" + basket + "/scorecard?at=yesterday").token(reader).send().expectRefusedAt("at");
        api.get("/api/v1/teams/" + team + "/scorecard?period=banana").token(reader).header("Accept", "text/csv").send()
                .expectRefusedAt("period");
    }

    @Test
    void an_unknown_team_or_service_is_not_found_and_another_team_is_forbidden() {
        api.get("/api/v1/teams/" + unique("nobody") + "/scorecard").asAdmin().send().expectProblem(404);
        api.get("/api/v1/services/" + unique("nothing") + "/scorecard").asAdmin().send().expectProblem(404);
        String other = api.createTeam(unique("other"));
        api.get("/api/v1/teams/" + other + "/scorecard").token(reader).send().expectProblem(403);
        api.get("/api/v1/teams/" + team + "/scorecard").send().expectProblem(401);
        api.get("/api/v1/teams/" + team + "/scorecard").token(api.createToken(null, "ingest")).send().expectProblem(403);
    }
}
