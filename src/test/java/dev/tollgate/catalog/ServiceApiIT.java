package dev.tollgate.catalog;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.HttpApiTest;
import tools.jackson.databind.JsonNode;

/** API.md "Catalog": {@code /api/v1/services} and their ordered stage paths. */
@HttpApiTest
class ServiceApiIT {

    @LocalServerPort
    int port;

    private ApiClient api;
    private String team;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        team = api.createTeam(unique("payments"));
    }

    private ApiResponse put(String service, String json) {
        return api.put("/api/v1/services/" + service).asAdmin().json(json).send();
    }

    private ApiResponse get(String service) {
        return api.get("/api/v1/services/" + service).asAdmin().send();
    }

    private static List<String> stages(JsonNode service) {
        return service.path("stages").values().stream().map(JsonNode::asString).toList();
    }

    private static List<String> ids(ApiResponse list) {
        return list.json().values().stream().map(service -> service.path("id").asString()).toList();
    }

    @Test
    void creates_a_service_keeping_its_stages_in_promotion_order() {
        String service = unique("checkout");

        ApiResponse created = put(service, "{\"team\": \"" + team + "\", \"name\": \"Checkout\", "
                + "\"stages\": [\"prod\", \"beta\", \"gamma\", \"alpha\"]}").expectStatus(201);

        assertThat(created.header("Location")).isEqualTo("/api/v1/services/" + service);
        assertThat(stages(created.json())).containsExactly("prod", "beta", "gamma", "alpha");
        assertThat(created.json().path("team").asString()).isEqualTo(team);
        assertThat(created.json().path("name").asString()).isEqualTo("Checkout");
        assertThat(get(service).expectStatus(200).json()).isEqualTo(created.json());
    }

    @Test
    void names_a_service_after_its_identifier_when_no_name_is_given() {
        String service = unique("checkout");

        assertThat(put(service, "{\"team\": \"" + team + "\", \"stages\": [\"prod\"]}").expectStatus(201)
                .json().path("name").asString()).isEqualTo(service);
    }

    @Test
    void replaces_the_stage_path_with_200() {
        String service = api.createService(unique("checkout"), team, "beta", "gamma", "prod");

        ApiResponse replaced = put(service, "{\"team\": \"" + team + "\", \"stages\": [\"canary\", \"prod\"]}")
                .expectStatus(200);

        assertThat(stages(replaced.json())).containsExactly("canary", "prod");
        assertThat(stages(get(service).json())).containsExactly("canary", "prod");
    }

    @Test
    void moves_a_service_to_another_team() {
        String service = api.createService(unique("checkout"), team);
        String other = api.createTeam(unique("search"));

        put(service, "{\"team\": \"" + other + "\", \"stages\": [\"beta\", \"prod\"]}").expectStatus(200);

        assertThat(ids(api.get("/api/v1/services?team=" + other).asAdmin().send())).containsExactly(service);
        assertThat(ids(api.get("/api/v1/services?team=" + team).asAdmin().send())).isEmpty();
    }

    @Test
    void lists_services_by_id_and_by_team() {
        String later = api.createService(unique("zz-billing"), team);
        String earlier = api.createService(unique("aa-checkout"), team);
        String elsewhere = api.createService(unique("query"), api.createTeam(unique("search")));

        List<String> all = ids(api.get("/api/v1/services").asAdmin().send().expectStatus(200));
        List<String> ofTeam = ids(api.get("/api/v1/services?team=" + team).asAdmin().send().expectStatus(200));

        assertThat(all).contains(elsewhere).containsSubsequence(earlier, later).isSorted();
        assertThat(ofTeam).containsExactly(earlier, later);
    }

    @Test
    void refuses_a_stage_twice_in_the_path_naming_where_and_stores_nothing() {
        String service = unique("checkout");

        ApiResponse refused = put(service, "{\"team\": \"" + team + "\", \"stages\": [\"beta\", \"prod\", \"beta\"]}")
                .expectRefusedAt("/stages/2");

        assertThat(refused.errorAt("/stages/2")).contains("beta", "twice");
        get(service).expectProblem(404);
    }

    @Test
    void refuses_an_unknown_team_and_stores_nothing() {
        String service = unique("checkout");
        String nobody = unique("nobody");

        ApiResponse refused = put(service, "{\"team\": \"" + nobody + "\", \"stages\": [\"prod\"]}")
                .expectRefusedAt("/team");

        assertThat(refused.errorAt("/team")).contains(nobody, "does not exist");
        get(service).expectProblem(404);
    }

    @Test
    void refuses_a_service_without_stages() {
        String service = unique("checkout");

        put(service, "{\"team\": \"" + team + "\", \"stages\": []}").expectRefusedAt("/stages");
        put(service, "{\"team\": \"" + team + "\"}").expectRefusedAt("/stages");
        get(service).expectProblem(404);
    }

    @Test
    void refuses_more_than_16_stages() {
        String seventeen = IntStream.rangeClosed(1, 17).mapToObj(i -> "\"s" + i + "\"")
                .collect(Collectors.joining(", ", "[", "]"));

        put(unique("checkout"), "{\"team\": \"" + team + "\", \"stages\": " + seventeen + "}").expectRefusedAt("/stages");
    }

    @Test
    void names_every_bad_stage_at_once() {
        ApiResponse refused = put(unique("checkout"),
                "{\"team\": \"" + team + "\", \"stages\": [\"Beta\", \"prod\", \"\", \"../prod\", \"prod\"]}")
                .expectRefusedAt("/stages/0", "/stages/2", "/stages/3", "/stages/4");

        assertThat(refused.errorAt("/stages/0")).contains("a-z");
    }

    @Test
    void deletes_a_service_with_204() {
        String service = api.createService(unique("checkout"), team);

        api.delete("/api/v1/services/" + service).asAdmin().send().expectStatus(204);

        get(service).expectProblem(404);
        api.delete("/api/v1/services/" + service).asAdmin().send().expectProblem(404);
    }

    @Test
    void answers_404_for_an_unknown_service() {
        get(unique("nothing")).expectProblem(404);
    }
}
