package dev.tollgate.catalog;

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

/** API.md "Catalog": {@code PUT /config} and {@code GET /config}, the catalog as code. */
@HttpApiTest
class CatalogAsCodeIT {

    @LocalServerPort
    int port;

    private ApiClient api;
    private String payments;
    private String search;
    private String checkout;
    private String query;
    private String revenue;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        payments = unique("payments");
        search = unique("search");
        checkout = unique("checkout");
        query = unique("query");
        revenue = unique("revenue").replace('-', '_');
    }

    private String yamlDocument() {
        return """
                teams:
                  - id: %s
                    name: Payments
                    description: Takes the money
                  - id: %s
                    name: Search
                services:
                  - id: %s
                    team: %s
                    name: Checkout
                    stages: [beta, gamma, prod]
                  - id: %s
                    team: %s
                    stages:
                      - prod
                      - canary
                metricDefinitions:
                  - id: %s
                    category: BUSINESS
                    unit: EUR
                    better: HIGHER
                    aggregation: sum
                    target: 1000.5
                rules: []
                goals: []
                """.formatted(payments, search, checkout, payments, query, search, revenue);
    }

    private String jsonDocument() {
        return """
                {"teams": [{"id": "%s", "name": "Payments", "description": "Takes the money"},
                           {"id": "%s", "name": "Search"}],
                 "services": [{"id": "%s", "team": "%s", "name": "Checkout", "stages": ["beta", "gamma", "prod"]},
                              {"id": "%s", "team": "%s", "stages": ["prod", "canary"]}],
                 "metricDefinitions": [{"id": "%s", "category": "BUSINESS", "unit": "EUR", "better": "HIGHER",
                                        "aggregation": "sum", "target": 1000.5}]}
                """.formatted(payments, search, checkout, payments, query, search, revenue);
    }

    private ApiResponse applyYaml(String document, String token) {
        return api.put("/api/v1/config").token(token).body("application/yaml", document).send();
    }

    private ApiResponse applyJson(String document, String token) {
        return api.put("/api/v1/config").token(token).json(document).send();
    }

    private static void assertChanges(JsonNode changes, String kind, int created, int updated, int unchanged) {
        assertThat(List.of(changes.path(kind).path("created").asInt(), changes.path(kind).path("updated").asInt(),
                changes.path(kind).path("unchanged").asInt())).as(kind + " created, updated, unchanged")
                .containsExactly(created, updated, unchanged);
    }

    /** How many teams, services and metric definitions the catalog holds. */
    private List<Integer> counts() {
        return List.of(api.get("/api/v1/teams").asAdmin().send().json().size(),
                api.get("/api/v1/services").asAdmin().send().json().size(),
                api.get("/api/v1/metric-definitions").asAdmin().send().json().size());
    }

    private void assertCatalogHoldsTheDocument() {
        JsonNode team = api.get("/api/v1/teams/" + payments).asAdmin().send().expectStatus(200).json();
        assertThat(team.path("description").asString()).isEqualTo("Takes the money");
        JsonNode service = api.get("/api/v1/services/" + checkout).asAdmin().send().expectStatus(200).json();
        assertThat(service.path("team").asString()).isEqualTo(payments);
        assertThat(service.path("stages").values()).extracting(JsonNode::asString).containsExactly("beta", "gamma", "prod");
        assertThat(api.get("/api/v1/services/" + query).asAdmin().send().json().path("stages").values())
                .extracting(JsonNode::asString).containsExactly("prod", "canary");
        assertThat(api.get("/api/v1/metric-definitions").asAdmin().send().json().values())
                .filteredOn(definition -> definition.path("id").asString().equals(revenue))
                .singleElement().satisfies(definition -> assertThat(definition.path("target").asDouble()).isEqualTo(1000.5));
    }

    @Test
    void applies_a_yaml_document() {
        JsonNode changes = applyYaml(yamlDocument(), ApiClient.BOOTSTRAP_TOKEN).expectStatus(200).json();

        assertChanges(changes, "teams", 2, 0, 0);
        assertChanges(changes, "services", 2, 0, 0);
        assertChanges(changes, "metricDefinitions", 1, 0, 0);
        assertCatalogHoldsTheDocument();
    }

    @Test
    void applies_a_json_document() {
        JsonNode changes = applyJson(jsonDocument(), ApiClient.BOOTSTRAP_TOKEN).expectStatus(200).json();

        assertChanges(changes, "teams", 2, 0, 0);
        assertChanges(changes, "services", 2, 0, 0);
        assertCatalogHoldsTheDocument();
    }

    @Test
    void applying_the_same_document_again_changes_nothing() {
        applyYaml(yamlDocument(), ApiClient.BOOTSTRAP_TOKEN).expectStatus(200);
        List<Integer> counts = counts();
        long audited = api.newestAuditId();

        JsonNode again = applyYaml(yamlDocument(), ApiClient.BOOTSTRAP_TOKEN).expectStatus(200).json();
        JsonNode asJson = applyJson(jsonDocument(), ApiClient.BOOTSTRAP_TOKEN).expectStatus(200).json();

        assertChanges(again, "teams", 0, 0, 2);
        assertChanges(again, "services", 0, 0, 2);
        assertChanges(again, "metricDefinitions", 0, 0, 1);
        assertThat(asJson).isEqualTo(again);
        assertThat(counts()).isEqualTo(counts);
        assertThat(api.newestAuditId()).as("newest audit entry").isEqualTo(audited);
    }

    @Test
    void applying_a_changed_document_changes_only_what_changed_and_audits_it() {
        applyYaml(yamlDocument(), ApiClient.BOOTSTRAP_TOKEN).expectStatus(200);
        long audited = api.newestAuditId();

        JsonNode changes = applyYaml(yamlDocument().replace("name: Search", "name: Search and Discovery")
                .replace("[beta, gamma, prod]", "[gamma, prod]"), ApiClient.BOOTSTRAP_TOKEN).expectStatus(200).json();

        assertChanges(changes, "teams", 0, 1, 1);
        assertChanges(changes, "services", 0, 1, 1);
        assertChanges(changes, "metricDefinitions", 0, 0, 1);
        assertThat(api.auditAfter(audited)).extracting(entry -> entry.path("action").asString())
                .containsExactly("TEAM_UPDATED", "SERVICE_UPDATED", "CATALOG_APPLIED");
    }

    @Test
    void an_applied_document_leaves_what_it_does_not_list() {
        String other = api.createTeam(unique("other"));

        applyYaml(yamlDocument(), ApiClient.BOOTSTRAP_TOKEN).expectStatus(200);

        api.get("/api/v1/teams/" + other).asAdmin().send().expectStatus(200);
    }

    @Test
    void the_json_export_applied_again_changes_nothing() {
        applyYaml(yamlDocument(), ApiClient.BOOTSTRAP_TOKEN).expectStatus(200);
        ApiResponse export = api.get("/api/v1/config").asAdmin().send().expectStatus(200);
        List<Integer> counts = counts();
        long audited = api.newestAuditId();

        JsonNode changes = applyJson(export.body(), ApiClient.BOOTSTRAP_TOKEN).expectStatus(200).json();

        assertThat(export.contentType()).startsWith("application/json");
        assertThat(export.body()).contains(payments, checkout, revenue, "requests");
        assertThat(List.of("teams", "services", "metricDefinitions"))
                .allSatisfy(kind -> assertThat(changes.path(kind).path("created").asInt() + changes.path(kind).path("updated").asInt())
                        .as(kind).isZero());
        assertThat(changes.path("services").path("unchanged").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(counts()).isEqualTo(counts);
        assertThat(api.newestAuditId()).isEqualTo(audited);
    }

    @Test
    void the_yaml_export_applied_again_changes_nothing() {
        applyJson(jsonDocument(), ApiClient.BOOTSTRAP_TOKEN).expectStatus(200);
        ApiResponse export = api.get("/api/v1/config").asAdmin().header("Accept", "application/yaml").send()
                .expectStatus(200);
        long audited = api.newestAuditId();

        JsonNode changes = applyYaml(export.body(), ApiClient.BOOTSTRAP_TOKEN).expectStatus(200).json();

        assertThat(export.contentType()).startsWith("application/yaml");
        assertThat(export.body()).contains("- id: " + checkout).doesNotStartWith("{");
        assertThat(changes.path("teams").path("created").asInt() + changes.path("teams").path("updated").asInt()
                + changes.path("services").path("updated").asInt()
                + changes.path("metricDefinitions").path("updated").asInt()).isZero();
        assertThat(api.newestAuditId()).isEqualTo(audited);
    }

    @Test
    void a_document_with_one_bad_item_stores_nothing_and_names_the_item() {
        String broken = yamlDocument().replace("- prod\n      - canary", "- Prod\n      - canary");
        List<Integer> counts = counts();
        long audited = api.newestAuditId();

        ApiResponse refused = applyYaml(broken, ApiClient.BOOTSTRAP_TOKEN).expectRefusedAt("/services/1/stages/0");

        assertThat(refused.json().path("detail").asString()).contains("nothing was changed");
        api.get("/api/v1/teams/" + payments).asAdmin().send().expectProblem(404);
        api.get("/api/v1/services/" + checkout).asAdmin().send().expectProblem(404);
        assertThat(counts()).isEqualTo(counts);
        assertThat(api.newestAuditId()).isEqualTo(audited);
    }

    @Test
    void names_every_bad_item_of_a_document() {
        String nobody = unique("nobody");
        String document = """
                teams:
                  - id: %s
                    name: Payments
                  - id: %s
                    name: Twice
                  - name: No id
                services:
                  - id: %s
                    team: %s
                    stages: [prod]
                metricDefinitions:
                  - id: 9lives
                    category: BUSINESS
                    unit: EUR
                    better: HIGHER
                    aggregation: sum
                """.formatted(payments, payments, checkout, nobody);

        applyYaml(document, ApiClient.BOOTSTRAP_TOKEN)
                .expectRefusedAt("/teams/1/id", "/teams/2/id", "/services/0/team", "/metricDefinitions/0/id");
        api.get("/api/v1/teams/" + payments).asAdmin().send().expectProblem(404);
    }

    @Test
    void a_document_that_cannot_be_read_names_where() {
        applyYaml("teams:\n  - id: x\n    colour: red\n", ApiClient.BOOTSTRAP_TOKEN).expectRefusedAt("/teams/0/colour");
        applyYaml("teams:\n  - null\n", ApiClient.BOOTSTRAP_TOKEN).expectRefusedAt("/teams/0");
        applyJson("{\"teams\": [", ApiClient.BOOTSTRAP_TOKEN).expectRefusedAt("/teams");
        applyYaml("", ApiClient.BOOTSTRAP_TOKEN).expectRefusedAt("/");
    }

    @Test
    void applies_rules_scoped_to_the_documents_own_services_and_exports_them_again() {
        String rule = "rule-" + checkout;
        String withRule = yamlDocument().replace("rules: []", """
                rules:
                  - id: %s
                    name: Bake an hour
                    scope: {service: %s}
                    stages: [prod]
                    kind: BAKE_TIME
                    params: {duration: PT1H}""".formatted(rule, checkout));

        JsonNode changes = applyYaml(withRule, ApiClient.BOOTSTRAP_TOKEN).expectStatus(200).json();
        assertThat(changes.path("rules").path("created").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/rules/" + rule).asAdmin().send().expectStatus(200).json().path("version").asInt())
                .isEqualTo(1);

        JsonNode again = applyYaml(withRule, ApiClient.BOOTSTRAP_TOKEN).expectStatus(200).json();
        assertThat(again.path("rules").path("unchanged").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/rules/" + rule).asAdmin().send().expectStatus(200).json().path("version").asInt())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/config").asAdmin().header("Accept", "application/yaml").send().expectStatus(200)
                .body()).contains(rule);
    }

    @Test
    void a_bad_rule_refuses_the_whole_document() {
        String withRule = yamlDocument().replace("rules: []", "rules:\n  - id: no-errors\n    kind: THRESHOLD");

        applyYaml(withRule, ApiClient.BOOTSTRAP_TOKEN).expectRefusedAt("/rules/0/name", "/rules/0/params/metric",
                "/rules/0/params/aggregation", "/rules/0/params/window", "/rules/0/params/operator",
                "/rules/0/params/threshold");
        api.get("/api/v1/teams/" + payments).asAdmin().send().expectProblem(404);
    }

    @Test
    void applies_goals_of_the_documents_teams_and_exports_them_again() {
        String withGoal = yamlDocument().replace("goals: []", """
                goals:
                  - id: faster-checkout
                    team: %s
                    category: PERFORMANCE
                    title: Checkout under 300 ms at p99
                    target: 300
                    current: 420
                    unit: ms
                    due: 2027-03-31""".formatted(payments));

        JsonNode changes = applyYaml(withGoal, ApiClient.BOOTSTRAP_TOKEN).expectStatus(200).json();
        assertThat(changes.path("goals").path("created").asInt()).isEqualTo(1);
        JsonNode goal = api.get("/api/v1/teams/" + payments + "/goals/faster-checkout").asAdmin().send()
                .expectStatus(200).json();
        assertThat(goal.path("target").asDouble()).isEqualTo(300.0);

        JsonNode again = applyYaml(withGoal, ApiClient.BOOTSTRAP_TOKEN).expectStatus(200).json();
        assertThat(again.path("goals").path("unchanged").asInt()).isEqualTo(1);
        String exported = api.get("/api/v1/config").asAdmin().header("Accept", "application/yaml").send()
                .expectStatus(200).body();
        assertThat(exported).contains("faster-checkout");

        String badGoal = yamlDocument().replace(payments, payments + "x").replace("goals: []",
                "goals:\n  - id: g\n    team: " + payments + "x\n    category: FEATURES\n    title: t\n    target: 1\n    current: nope");
        applyYaml(badGoal, ApiClient.BOOTSTRAP_TOKEN).expectRefusedAt("/goals/0/current");
    }

    @Test
    void a_team_bound_admin_token_applies_documents_about_its_own_team() {
        String own = api.createTeam(unique("own"));
        String token = api.createToken(own, "admin");
        String service = unique("svc");

        JsonNode changes = applyYaml("""
                teams:
                  - id: %s
                    name: Renamed by its own token
                services:
                  - id: %s
                    team: %s
                    stages: [prod]
                """.formatted(own, service, own), token).expectStatus(200).json();

        assertChanges(changes, "teams", 0, 1, 0);
        assertChanges(changes, "services", 1, 0, 0);
    }

    @Test
    void a_team_bound_admin_token_may_not_apply_another_team() {
        String own = api.createTeam(unique("own"));
        String other = api.createTeam(unique("other"));
        String otherService = api.createService(unique("svc"), other);
        String token = api.createToken(own, "admin");
        long audited = api.newestAuditId();

        applyYaml("teams:\n  - id: " + other + "\n    name: Taken over\n", token).expectProblem(403);
        applyYaml("teams:\n  - id: " + own + "\n    name: Mine\n  - id: " + unique("new") + "\n    name: New\n", token)
                .expectProblem(403);
        applyYaml("services:\n  - id: " + otherService + "\n    team: " + own + "\n    stages: [prod]\n", token)
                .expectProblem(403);
        applyYaml("metricDefinitions:\n  - id: " + revenue + "\n    category: BUSINESS\n    unit: EUR\n"
                + "    better: HIGHER\n    aggregation: sum\n", token).expectProblem(403);
        applyYaml("metricDefinitions:\n  - id: requests\n    category: OPERATIONAL\n    unit: calls\n"
                + "    better: HIGHER\n    aggregation: sum\n", token).expectProblem(403);

        assertThat(api.get("/api/v1/teams/" + other).asAdmin().send().json().path("name").asString())
                .isEqualTo("Team " + other);
        assertThat(api.get("/api/v1/services/" + otherService).asAdmin().send().json().path("team").asString())
                .isEqualTo(other);
        assertThat(api.get("/api/v1/teams/" + own).asAdmin().send().json().path("name").asString())
                .isEqualTo("Team " + own);
        assertThat(api.newestAuditId()).isEqualTo(audited);
    }

    @Test
    void a_team_bound_token_exports_only_its_own_team_and_may_apply_that_export() {
        String own = api.createTeam(unique("own"));
        String ownService = api.createService(unique("svc"), own);
        String other = api.createTeam(unique("other"));
        String otherService = api.createService(unique("svc"), other);
        String token = api.createToken(own, "admin");

        ApiResponse export = api.get("/api/v1/config").token(token).header("Accept", "application/yaml").send()
                .expectStatus(200);
        long audited = api.newestAuditId();

        assertThat(export.body()).contains(own, ownService).doesNotContain(other, otherService);
        applyYaml(export.body(), token).expectStatus(200);
        assertThat(api.newestAuditId()).isEqualTo(audited);
    }
}
