package dev.tollgate.catalog;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.HttpApiTest;
import dev.tollgate.testing.TestClock;
import tools.jackson.databind.JsonNode;

/** API.md "Catalog": {@code /api/v1/teams}. */
@HttpApiTest
class TeamApiIT {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    private ApiResponse put(String team, String json) {
        return api.put("/api/v1/teams/" + team).asAdmin().json(json).send();
    }

    private ApiResponse get(String team) {
        return api.get("/api/v1/teams/" + team).asAdmin().send();
    }

    @Test
    void creates_a_team_with_201_and_its_location() {
        String team = unique("payments");

        ApiResponse created = put(team, "{\"name\": \"Payments\", \"description\": \"Takes the money\"}").expectStatus(201);

        assertThat(created.header("Location")).isEqualTo("/api/v1/teams/" + team);
        assertThat(created.contentType()).startsWith("application/json");
        JsonNode body = created.json();
        assertThat(body.path("id").asString()).isEqualTo(team);
        assertThat(body.path("name").asString()).isEqualTo("Payments");
        assertThat(body.path("description").asString()).isEqualTo("Takes the money");
        assertThat(body.path("createdAt").asString()).isEqualTo(body.path("updatedAt").asString());
        assertThat(get(team).expectStatus(200).json()).isEqualTo(body);
    }

    @Test
    void replaces_a_team_with_200_keeping_when_it_was_created() {
        String team = unique("payments");
        JsonNode created = put(team, "{\"name\": \"Payments\", \"description\": \"Takes the money\"}").json();
        clock.advance(Duration.ofSeconds(1));

        JsonNode replaced = put(team, "{\"name\": \"Payments and Billing\"}").expectStatus(200).json();

        assertThat(replaced.path("name").asString()).isEqualTo("Payments and Billing");
        assertThat(replaced.has("description")).as("a replacement drops what it leaves out").isFalse();
        assertThat(replaced.path("createdAt")).isEqualTo(created.path("createdAt"));
        assertThat(Instant.parse(replaced.path("updatedAt").asString()))
                .isAfter(Instant.parse(created.path("updatedAt").asString()));
        assertThat(get(team).json()).isEqualTo(replaced);
    }

    @Test
    void putting_the_same_team_again_changes_nothing() {
        String team = unique("payments");
        JsonNode created = put(team, "{\"name\": \"Payments\"}").json();
        long audited = api.newestAuditId();
        clock.advance(Duration.ofSeconds(1));

        JsonNode again = put(team, "{\"name\": \"Payments\"}").expectStatus(200).json();

        assertThat(again).isEqualTo(created);
        assertThat(api.newestAuditId()).isEqualTo(audited);
    }

    @Test
    void strips_blanks_around_the_name_and_drops_a_blank_description() {
        String team = unique("payments");

        JsonNode created = put(team, "{\"name\": \"  Payments \", \"description\": \"   \"}").expectStatus(201).json();

        assertThat(created.path("name").asString()).isEqualTo("Payments");
        assertThat(created.has("description")).isFalse();
    }

    @Test
    void lists_teams_by_name() {
        String zulu = api.put("/api/v1/teams/" + unique("z")).asAdmin().json("{\"name\": \"Zulu team\"}").send()
                .expectStatus(201).json().path("id").asString();
        String alpha = api.put("/api/v1/teams/" + unique("a")).asAdmin().json("{\"name\": \"Alpha team\"}").send()
                .expectStatus(201).json().path("id").asString();

        ApiResponse list = api.get("/api/v1/teams").asAdmin().send().expectStatus(200);

        assertThat(list.json().values().stream().map(team -> team.path("id").asString()).toList())
                .containsSubsequence(alpha, zulu);
        assertThat(list.json().values().stream().map(team -> team.path("name").asString()).toList()).isSorted();
    }

    @Test
    void deletes_a_team_with_204_after_which_it_is_not_found() {
        String team = api.createTeam(unique("payments"));

        api.delete("/api/v1/teams/" + team).asAdmin().send().expectStatus(204);

        get(team).expectProblem(404);
        api.delete("/api/v1/teams/" + team).asAdmin().send().expectProblem(404);
        assertThat(api.get("/api/v1/teams").asAdmin().send().body()).doesNotContain("\"" + team + "\"");
    }

    @Test
    void refuses_to_delete_a_team_that_owns_services_with_409() {
        String team = api.createTeam(unique("payments"));
        String service = api.createService(unique("checkout"), team);

        ApiResponse refused = api.delete("/api/v1/teams/" + team).asAdmin().send().expectProblem(409);

        assertThat(refused.json().path("detail").asString()).contains(team, "1 service");
        get(team).expectStatus(200);
        api.delete("/api/v1/services/" + service).asAdmin().send().expectStatus(204);
        api.delete("/api/v1/teams/" + team).asAdmin().send().expectStatus(204);
    }

    @Test
    void deleting_a_team_revokes_the_tokens_bound_to_it() {
        String team = api.createTeam(unique("payments"));
        String token = api.createToken(team, "read");
        api.get("/api/v1/teams/" + team).token(token).send().expectStatus(200);

        api.delete("/api/v1/teams/" + team).asAdmin().send().expectStatus(204);

        api.get("/api/v1/teams").token(token).send().expectProblem(401);
    }

    @Test
    void answers_404_for_an_unknown_team() {
        ApiResponse missing = get(unique("nobody")).expectProblem(404);

        assertThat(missing.json().path("detail").asString()).contains("does not exist");
    }

    @Test
    void audits_every_change_to_a_team_naming_who_made_it() {
        String team = unique("payments");
        long before = api.newestAuditId();

        put(team, "{\"name\": \"Payments\"}").expectStatus(201);
        put(team, "{\"name\": \"Billing\"}").expectStatus(200);
        api.delete("/api/v1/teams/" + team).asAdmin().send().expectStatus(204);

        assertThat(api.auditAfter(before)).allSatisfy(entry -> {
            assertThat(entry.path("targetType").asString()).isEqualTo("team");
            assertThat(entry.path("targetId").asString()).isEqualTo(team);
            assertThat(entry.path("actor").asString()).startsWith("token:bootstrap");
        }).extracting(entry -> entry.path("action").asString())
                .containsExactly("TEAM_CREATED", "TEAM_UPDATED", "TEAM_DELETED");
    }
}
