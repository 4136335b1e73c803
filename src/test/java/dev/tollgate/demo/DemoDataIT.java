package dev.tollgate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.tollgate.testing.ApiClient;

import tools.jackson.databind.JsonNode;

/**
 * The demo's first start, as the README's run command makes it: the catalog, thirty days of minute
 * data per service and stage with daily cycles and incidents, growing business figures, and
 * deployments of which some failed or were rolled back, the rules that gate every service and the
 * gate's answers to the month's promotions. On an H2 file of its own (seven million points are no
 * burden for a file, but would stay in this JVM's heap in memory). How long the seeding took is
 * logged at every first start ("Seeded the demo catalog in T ms", with the points and the gate's
 * questions each on a line of their own); the test checks what it wrote, not how fast.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DemoDataIT {

    @TempDir
    static Path dataDir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void demo(DynamicPropertyRegistry registry) {
        registry.add("tollgate.demo.enabled", () -> "true");
        registry.add("spring.datasource.url", () -> "jdbc:h2:retry:file:" + dataDir.resolve("tollgate")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
    }

    @Test
    void the_first_start_seeds_thirty_days_of_minute_data_business_figures_and_deployments() {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/v1/services").asAdmin().send().expectStatus(200).json().size()).isEqualTo(18);

        Instant now = Instant.now();
        Instant monthAgo = now.minus(30, ChronoUnit.DAYS);
        // Production every minute of the thirty days; an earlier stage every ten minutes.
        assertThat(figure(api, "requests", "ledger", "prod", "count", monthAgo, now)).isBetween(43_000.0, 43_200.0);
        assertThat(figure(api, "requests", "ledger", "beta", "count", monthAgo, now)).isBetween(4_300.0, 4_320.0);
        // Latency is a distribution, its tail above its median.
        assertThat(figure(api, "latency_ms", "ledger", "prod", "p99", monthAgo, now))
                .isGreaterThan(1.5 * figure(api, "latency_ms", "ledger", "prod", "p50", monthAgo, now));
        // Incidents: the worst minute's errors far above a typical minute's.
        assertThat(figure(api, "errors", "ledger", "prod", "max", monthAgo, now))
                .isGreaterThan(5 * figure(api, "errors", "ledger", "prod", "p50", monthAgo, now));

        // Business figures grow: the last week's orders above the first week's.
        double firstWeek = teamFigure(api, "orders", "checkout", "sum", monthAgo, monthAgo.plus(7, ChronoUnit.DAYS));
        double lastWeek = teamFigure(api, "orders", "checkout", "sum", now.minus(7, ChronoUnit.DAYS), now);
        assertThat(lastWeek).isGreaterThan(firstWeek * 1.05);

        Set<String> statuses = new HashSet<>();
        for (String service : new String[] { "ledger", "payment-gateway", "cart", "checkout-api", "orders", "auth" }) {
            for (JsonNode deployment : api.get("/api/v1/deployments?service=" + service + "&limit=500").asAdmin().send()
                    .expectStatus(200).json()) {
                statuses.add(deployment.get("status").asString());
            }
        }
        assertThat(statuses).contains("SUCCEEDED", "FAILED", "ROLLED_BACK");
    }

    @Test
    void the_first_start_seeds_rules_for_every_service_and_a_month_of_gate_evaluations() {
        ApiClient api = new ApiClient(port);
        for (JsonNode service : api.get("/api/v1/services").asAdmin().send().expectStatus(200).json()) {
            Set<String> kinds = new HashSet<>();
            api.get("/api/v1/rules?service=" + service.get("id").asString()).asAdmin().send().expectStatus(200).json()
                    .forEach(rule -> kinds.add(rule.get("kind").asString()));
            assertThat(kinds).as(service.get("id").asString()).containsExactlyInAnyOrder("THRESHOLD", "BAKE_TIME",
                    "PROMOTION_ORDER", "TESTS_PASSED", "DEPLOYMENT_WINDOW");
        }

        JsonNode all = api.get("/api/v1/gate-evaluations?limit=1000").asAdmin().send().expectStatus(200).json();
        assertThat(all.size()).isGreaterThan(200);
        assertThat(api.get("/api/v1/gate-evaluations?limit=1&to=" + Instant.now().minus(25, ChronoUnit.DAYS)).asAdmin()
                .send().expectStatus(200).json()).as("evaluations from the month's first days").isNotEmpty();
        // Each verdict for the reason the demo's story gives it: a bad version's error rate or
        // latency stops it, red tests roll it back, bake time and the deployment window make it wait.
        assertThat(failedKinds(api, "STOP")).contains("THRESHOLD");
        assertThat(failedKinds(api, "ROLLBACK")).contains("TESTS_PASSED");
        JsonNode waits = api.get("/api/v1/gate-evaluations?verdict=WAIT&limit=1000").asAdmin().send().expectStatus(200).json();
        assertThat(waits).allSatisfy(wait -> assertThat(wait.get("retryAfter").asLong()).isPositive());
        assertThat(failedKinds(api, "WAIT")).contains("BAKE_TIME", "DEPLOYMENT_WINDOW");
        assertThat(api.get("/api/v1/gate-evaluations?verdict=PROMOTE&limit=1").asAdmin().send().expectStatus(200).json())
                .isNotEmpty();
    }

    @Test
    void the_first_start_seeds_a_month_of_operational_reviews_that_make_each_team_s_principal_reviews() {
        ApiClient api = new ApiClient(port);
        Instant now = Instant.now();

        for (String team : new String[] { "payments", "checkout", "catalog", "search", "identity", "fulfilment" }) {
            JsonNode reviews = api.get("/api/v1/reviews?team=" + team).asAdmin().send().expectStatus(200).json();
            // One Wednesday afternoon falls in every seven days; each team was reviewed once or twice on it.
            assertThat(teamFigure(api, "principal_reviews", team, "sum", now.minus(7, ChronoUnit.DAYS), now))
                    .as(team).isBetween(1.0, 2.0);
            assertThat(teamFigure(api, "principal_reviews", team, "sum", now.minus(31, ChronoUnit.DAYS), now))
                    .as("every review of %s counted once", team).isEqualTo(reviews.size());
            assertThat(reviews.size()).as(team).isBetween(4, 10);
        }
        JsonNode open = api.get("/api/v1/action-items?open=true").asAdmin().send().expectStatus(200).json();
        JsonNode done = api.get("/api/v1/action-items?open=false").asAdmin().send().expectStatus(200).json();
        assertThat(open.size()).isEqualTo(5);
        assertThat(done.size()).isEqualTo(2);
        assertThat(open.get(0).path("due").asString()).as("the oldest due first, overdue")
                .isLessThan(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        assertThat(open.get(0).path("review").asString()).as("raised in a review").isNotEmpty();
    }

    @Test
    void the_first_start_fills_every_quadrant_of_every_team_s_scorecard() {
        ApiClient api = new ApiClient(port);

        for (String team : new String[] { "payments", "checkout", "catalog", "search", "identity", "fulfilment" }) {
            JsonNode card = api.get("/api/v1/teams/" + team + "/scorecard?period=P7D").asAdmin().send().expectStatus(200)
                    .json();
            for (String quadrant : new String[] { "business", "operational", "inputGoals", "enablement" }) {
                assertThat(card.path(quadrant)).as("%s of %s", quadrant, team).isNotEmpty()
                        .allSatisfy(item -> assertThat(item.path("status").asString()).isNotEqualTo("NO_DATA"));
            }
            assertThat(card.path("dora").path("deploymentFrequency").path("value").asDouble()).as(team).isPositive();
            assertThat(card.path("gates").path("evaluations").asInt()).as(team).isPositive();
        }
    }

    /** The kinds of the rules that did not pass in the evaluations with {@code verdict}. */
    private static Set<String> failedKinds(ApiClient api, String verdict) {
        Set<String> kinds = new HashSet<>();
        for (JsonNode evaluation : api.get("/api/v1/gate-evaluations?verdict=" + verdict + "&limit=1000").asAdmin().send()
                .expectStatus(200).json()) {
            for (JsonNode result : evaluation.get("results")) {
                if (!result.get("status").asString().equals("PASS")) {
                    kinds.add(result.get("kind").asString());
                }
            }
        }
        return kinds;
    }

    private static double figure(ApiClient api, String metric, String service, String stage, String aggregation,
            Instant from, Instant to) {
        return api.get("/api/v1/metrics/aggregate?metric=" + metric + "&service=" + service + "&stage=" + stage
                + "&aggregation=" + aggregation + "&from=" + from + "&to=" + to).asAdmin().send().expectStatus(200)
                .json().get("value").asDouble();
    }

    private static double teamFigure(ApiClient api, String metric, String team, String aggregation, Instant from,
            Instant to) {
        return api.get("/api/v1/metrics/aggregate?metric=" + metric + "&team=" + team + "&aggregation=" + aggregation
                + "&from=" + from + "&to=" + to).asAdmin().send().expectStatus(200).json().get("value").asDouble();
    }
}
