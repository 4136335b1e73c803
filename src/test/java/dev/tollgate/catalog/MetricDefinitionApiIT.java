package dev.tollgate.catalog;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.HttpApiTest;
import tools.jackson.databind.JsonNode;

/** API.md "Catalog": {@code /api/v1/metric-definitions}. */
@HttpApiTest
class MetricDefinitionApiIT {

    private static final String REVENUE = "{\"category\": \"BUSINESS\", \"unit\": \"EUR\", \"better\": \"HIGHER\", "
            + "\"aggregation\": \"sum\", \"target\": 1000, \"description\": \"Revenue\"}";

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    private static String metric() {
        return unique("metric").replace('-', '_');
    }

    private ApiResponse put(String metric, String json) {
        return api.put("/api/v1/metric-definitions/" + metric).asAdmin().json(json).send();
    }

    private JsonNode definition(String metric) {
        return api.get("/api/v1/metric-definitions").asAdmin().send().expectStatus(200).json().values().stream()
                .filter(definition -> definition.path("id").asString().equals(metric))
                .findFirst().orElse(null);
    }

    @Test
    void the_built_in_definitions_are_there_from_the_start() {
        JsonNode list = api.get("/api/v1/metric-definitions").asAdmin().send().expectStatus(200).json();

        assertThat(list.values()).filteredOn(definition -> definition.path("builtIn").asBoolean())
                .extracting(definition -> definition.path("id").asString(), definition -> definition.path("category").asString())
                .contains(
                        tuple("requests", "OPERATIONAL"), tuple("errors", "OPERATIONAL"), tuple("throttles", "OPERATIONAL"),
                        tuple("latency_ms", "OPERATIONAL"), tuple("availability", "OPERATIONAL"),
                        tuple("principal_reviews", "ENABLEMENT"), tuple("security_training_pct", "ENABLEMENT"),
                        tuple("ops_training_pct", "ENABLEMENT"));
        assertThat(definition("latency_ms").path("aggregation").asString()).isEqualTo("p99");
    }

    @Test
    void creates_a_definition_with_201_and_replaces_it_with_200() {
        String metric = metric();

        ApiResponse created = put(metric, REVENUE).expectStatus(201);
        ApiResponse replaced = put(metric, "{\"category\": \"INPUT_GOAL\", \"unit\": \"count\", \"better\": \"LOWER\", "
                + "\"aggregation\": \"p95\"}").expectStatus(200);

        assertThat(created.header("Location")).isEqualTo("/api/v1/metric-definitions/" + metric);
        assertThat(created.json().path("target").asDouble()).isEqualTo(1000.0);
        assertThat(created.json().path("builtIn").asBoolean()).isFalse();
        JsonNode stored = definition(metric);
        assertThat(stored).isEqualTo(replaced.json());
        assertThat(stored.path("category").asString()).isEqualTo("INPUT_GOAL");
        assertThat(stored.path("aggregation").asString()).isEqualTo("p95");
        assertThat(stored.has("target")).isFalse();
    }

    @Test
    void putting_the_same_definition_again_changes_nothing() {
        String metric = metric();
        JsonNode created = put(metric, REVENUE).json();
        long audited = api.newestAuditId();

        assertThat(put(metric, REVENUE).expectStatus(200).json()).isEqualTo(created);
        assertThat(api.newestAuditId()).isEqualTo(audited);
    }

    @Test
    void accepts_metric_keys_with_dots_colons_and_dashes() {
        put("http.server:requests-total_" + metric(), REVENUE).expectStatus(201);
    }

    @Test
    void a_changed_built_in_definition_stays_built_in() {
        put("throttles", "{\"category\": \"OPERATIONAL\", \"unit\": \"count\", \"better\": \"LOWER\", "
                + "\"aggregation\": \"sum\", \"target\": 0, \"description\": \"Requests refused by throttling\"}")
                .expectStatus(200);

        assertThat(definition("throttles").path("builtIn").asBoolean()).isTrue();
        assertThat(definition("throttles").path("target").asDouble()).isZero();
    }

    @Test
    void refuses_an_unknown_category_naming_the_allowed_values() {
        String metric = metric();

        ApiResponse refused = put(metric, REVENUE.replace("BUSINESS", "FINANCIAL")).expectRefusedAt("/category");

        assertThat(refused.errorAt("/category")).contains("BUSINESS", "OPERATIONAL", "INPUT_GOAL", "ENABLEMENT");
        assertThat(definition(metric)).isNull();
    }

    @Test
    void refuses_an_unknown_direction_or_aggregation_naming_the_allowed_values() {
        assertThat(put(metric(), REVENUE.replace("HIGHER", "UP")).expectRefusedAt("/better").errorAt("/better"))
                .contains("HIGHER", "LOWER");
        assertThat(put(metric(), REVENUE.replace("\"sum\"", "\"median\"")).expectRefusedAt("/aggregation")
                .errorAt("/aggregation")).contains("sum", "avg", "min", "max", "last", "p50", "p90", "p95", "p99");
    }

    @Test
    void names_every_missing_field_at_once() {
        String metric = metric();

        put(metric, "{}").expectRefusedAt("/category", "/unit", "/better", "/aggregation");
        assertThat(definition(metric)).isNull();
    }

    @Test
    void refuses_an_invalid_metric_key() {
        put("1st_metric", REVENUE).expectRefusedAt("metric");
        put("has%20space", REVENUE).expectRefusedAt("metric");
        put("x".repeat(129), REVENUE).expectRefusedAt("metric");
        put("x".repeat(128), REVENUE).expectStatus(201);
    }
}
