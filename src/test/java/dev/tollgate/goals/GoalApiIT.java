package dev.tollgate.goals;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Violation;
import dev.tollgate.api.Violations;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.HttpApiTest;
import dev.tollgate.testing.TestClock;
import tools.jackson.databind.JsonNode;

/** API.md "Ingestion": {@code PUT /api/v1/teams/{team}/goals/{goal}}, {@code GET}, and {@code DELETE} (an addition). */
@HttpApiTest
class GoalApiIT {

    private static final String GOAL = "{\"category\": \"FEATURES\", \"title\": \"Ship one-click refunds\", "
            + "\"target\": 12, \"current\": 4.5, \"unit\": \"features\", \"due\": \"2026-12-31\"}";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    InputGoals goals;

    @Autowired
    CurrentCaller callers;

    private ApiClient api;
    private String team;
    private String ingest;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        team = api.createTeam(unique("payments"));
        ingest = api.createToken(null, "ingest");
    }

    private ApiResponse put(String goal, String json) {
        return api.put("/api/v1/teams/" + team + "/goals/" + goal).token(ingest).json(json).send();
    }

    private List<JsonNode> list() {
        return api.get("/api/v1/teams/" + team + "/goals").asAdmin().send().expectStatus(200).json().values().stream().toList();
    }

    @Test
    void creates_a_goal_with_201_and_its_location() {
        ApiResponse created = put("refunds", GOAL).expectStatus(201);

        JsonNode goal = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/v1/teams/" + team + "/goals/refunds");
        assertThat(goal.path("team").asString()).isEqualTo(team);
        assertThat(goal.path("id").asString()).isEqualTo("refunds");
        assertThat(goal.path("category").asString()).isEqualTo("FEATURES");
        assertThat(goal.path("title").asString()).isEqualTo("Ship one-click refunds");
        assertThat(goal.path("target").asDouble()).isEqualTo(12.0);
        assertThat(goal.path("current").asDouble()).isEqualTo(4.5);
        assertThat(goal.path("unit").asString()).isEqualTo("features");
        assertThat(goal.path("due").asString()).isEqualTo("2026-12-31");
        assertThat(goal.propertyNames()).containsExactlyInAnyOrder("team", "id", "category", "title", "target", "current",
                "unit", "due", "createdAt", "updatedAt");
        assertThat(list()).containsExactly(goal);
        assertThat(api.get(created.header("Location")).asAdmin().send().expectStatus(200).json()).isEqualTo(goal);
    }

    @Test
    void replaces_a_goal_with_200_keeping_when_it_was_created() {
        JsonNode created = put("latency", GOAL).json();
        clock.advance(Duration.ofSeconds(1));

        JsonNode replaced = put("latency", "{\"category\": \"PERFORMANCE\", \"title\": \"p99 under 300 ms\", "
                + "\"target\": 300, \"current\": 340}").expectStatus(200).json();

        assertThat(replaced.path("category").asString()).isEqualTo("PERFORMANCE");
        assertThat(replaced.has("unit")).as("a replacement drops what it leaves out").isFalse();
        assertThat(replaced.has("due")).isFalse();
        assertThat(replaced.path("createdAt")).isEqualTo(created.path("createdAt"));
        assertThat(Instant.parse(replaced.path("updatedAt").asString()))
                .isAfter(Instant.parse(created.path("updatedAt").asString()));
        assertThat(list()).containsExactly(replaced);
    }

    @Test
    void putting_the_same_goal_again_changes_nothing_and_audits_nothing() {
        JsonNode created = put("refunds", GOAL).json();
        long audited = api.newestAuditId();
        clock.advance(Duration.ofSeconds(1));

        assertThat(put("refunds", GOAL).expectStatus(200).json()).isEqualTo(created);
        assertThat(api.newestAuditId()).isEqualTo(audited);
    }

    @Test
    void lists_a_team_s_goals_in_id_order_and_none_of_another_team() {
        put("b-goal", GOAL).expectStatus(201);
        put("a-goal", GOAL).expectStatus(201);
        String other = api.createTeam(unique("search"));
        api.put("/api/v1/teams/" + other + "/goals/c-goal").token(ingest).json(GOAL).send().expectStatus(201);

        assertThat(list()).extracting(goal -> goal.path("id").asString()).containsExactly("a-goal", "b-goal");
    }

    @Test
    void deletes_a_goal_with_an_admin_token() {
        put("refunds", GOAL).expectStatus(201);

        api.delete("/api/v1/teams/" + team + "/goals/refunds").token(ingest).send().expectProblem(403);
        api.delete("/api/v1/teams/" + team + "/goals/refunds").asAdmin().send().expectStatus(204);

        assertThat(list()).isEmpty();
        api.delete("/api/v1/teams/" + team + "/goals/refunds").asAdmin().send().expectProblem(404);
    }

    @Test
    void audits_every_change_to_a_goal_naming_who_made_it() {
        long before = api.newestAuditId();

        put("refunds", GOAL).expectStatus(201);
        put("refunds", GOAL.replace("4.5", "6")).expectStatus(200);
        api.delete("/api/v1/teams/" + team + "/goals/refunds").asAdmin().send().expectStatus(204);

        List<JsonNode> entries = api.auditAfter(before);
        assertThat(entries).extracting(entry -> entry.path("action").asString())
                .containsExactly("GOAL_CREATED", "GOAL_UPDATED", "GOAL_DELETED");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.path("targetType").asString()).isEqualTo("goal");
            assertThat(entry.path("targetId").asString()).isEqualTo(team + "/refunds");
        });
        assertThat(entries.get(0).path("actor").asString()).startsWith("token:token-");
        assertThat(entries.get(1).path("detail").asString()).contains("current=6.0");
    }

    @Test
    void answers_404_for_a_team_that_does_not_exist() {
        String nobody = unique("nobody");

        api.put("/api/v1/teams/" + nobody + "/goals/refunds").token(ingest).json(GOAL).send().expectProblem(404);
        api.get("/api/v1/teams/" + nobody + "/goals").asAdmin().send().expectProblem(404);
        api.get("/api/v1/teams/" + team + "/goals/nothing").asAdmin().send().expectProblem(404);
    }

    @Test
    void names_every_offending_field_at_once_and_stores_nothing() {
        long audited = api.newestAuditId();

        put("Refunds", "{\"category\": \"FEATURES\", \"title\": \"  \", \"unit\": \"" + "u".repeat(33) + "\", "
                + "\"due\": \"31.12.2026\"}").expectRefusedAt("goal", "/title", "/target", "/current", "/unit", "/due");
        put("refunds", "{\"category\": \"ROADMAP\", \"title\": \"x\", \"target\": 1, \"current\": 0}").expectRefusedAt("/category");
        put("refunds", "{\"category\": \"FEATURES\", \"title\": \"" + "t".repeat(201) + "\", \"target\": 1e400, "
                + "\"current\": \"3\"}").expectRefusedAt("/current");
        put("refunds", "{\"category\": \"FEATURES\", \"title\": \"" + "t".repeat(201) + "\", \"target\": 1e400, "
                + "\"current\": 3}").expectRefusedAt("/title", "/target");
        put("refunds", "{\"category\": \"FEATURES\", \"title\": \"x\", \"target\": 1, \"current\": 0, "
                + "\"due\": \"2026-12-31T10:00:00Z\"}").expectRefusedAt("/due");

        assertThat(list()).isEmpty();
        assertThat(api.newestAuditId()).isEqualTo(audited);
    }

    @Test
    void needs_the_ingest_scope_to_write_and_read_to_read_within_the_token_s_team() {
        String other = api.createTeam(unique("search"));

        api.put("/api/v1/teams/" + team + "/goals/refunds").json(GOAL).send().expectProblem(401);
        api.put("/api/v1/teams/" + team + "/goals/refunds").token(api.createToken(null, "read")).json(GOAL).send()
                .expectProblem(403);
        api.put("/api/v1/teams/" + team + "/goals/refunds").token(api.createToken(other, "ingest")).json(GOAL).send()
                .expectProblem(403);
        api.get("/api/v1/teams/" + team + "/goals").token(api.createToken(other, "read")).send().expectProblem(403);
        assertThat(list()).isEmpty();

        api.put("/api/v1/teams/" + team + "/goals/refunds").token(api.createToken(team, "ingest")).json(GOAL).send()
                .expectStatus(201);
        api.get("/api/v1/teams/" + team + "/goals").token(api.createToken(team, "read")).send().expectStatus(200);
    }

    @Test
    void deleting_a_team_deletes_its_goals() {
        put("refunds", GOAL).expectStatus(201);

        api.delete("/api/v1/teams/" + team).asAdmin().send().expectStatus(204);

        api.createTeam(team);
        assertThat(list()).isEmpty();
    }

    // Catalog as code: the methods the catalog document will call.

    @Test
    void applies_goals_of_a_catalog_document_all_or_none_with_faults_named_under_a_prefix() {
        List<GoalEntry> entries = List.of(
                new GoalEntry("refunds", team, GoalCategory.FEATURES, "Refunds", 12.0, 4.0, null, "2026-12-31"),
                new GoalEntry("latency", team, GoalCategory.PERFORMANCE, "Fast", Double.NaN, 1.0, null, "soon"),
                new GoalEntry("refunds", team, GoalCategory.FEATURES, "Again", 1.0, 0.0, null, null),
                new GoalEntry("orphan", unique("nobody"), GoalCategory.USE_CASES, "Orphan", 1.0, 0.0, null, null));

        assertThatThrownBy(() -> callers.runAsSystem(() -> goals.apply("/goals", entries)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::pointer)
                        .containsExactlyInAnyOrder("/goals/1/target", "/goals/1/due", "/goals/2/id", "/goals/3/team"));
        assertThat(list()).isEmpty();

        GoalChanges first = callers.runAsSystem(() -> goals.apply("/goals", entries.subList(0, 1)));
        GoalChanges again = callers.runAsSystem(() -> goals.apply("/goals", List.of(entries.get(0),
                new GoalEntry("latency", team, GoalCategory.PERFORMANCE, "Fast", 300.0, 340.0, "ms", null))));

        assertThat(first).isEqualTo(new GoalChanges(1, 0, 0));
        assertThat(again).isEqualTo(new GoalChanges(1, 0, 1));
        assertThat(list()).extracting(goal -> goal.path("id").asString()).containsExactly("latency", "refunds");
        assertThat(callers.runAsSystem(() -> goals.export())).contains(
                new GoalEntry("refunds", team, GoalCategory.FEATURES, "Refunds", 12.0, 4.0, null, "2026-12-31"));
    }

    @Test
    void a_document_may_create_the_team_of_its_goals() {
        String newTeam = unique("new");
        Violations violations = new Violations();

        callers.runAsSystem(() -> goals.validate(violations, "/goals",
                List.of(new GoalEntry("refunds", newTeam, GoalCategory.FEATURES, "Refunds", 1.0, 0.0, null, null)),
                Set.of(newTeam)));

        assertThat(violations.isEmpty()).isTrue();
    }
}
