package dev.tollgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.tollgate.TollgateApplication;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.TestClockConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * API.md: "The same document can be applied at start-up from tollgate.config-file." The one test
 * class with a Spring context of its own: the file must exist before the application starts.
 */
@SpringBootTest(classes = { TollgateApplication.class, TestClockConfiguration.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogConfigFileIT {

    private static final String CATALOG = """
            teams:
              - id: from-file
                name: From the file
            services:
              - id: from-file-service
                team: from-file
                stages: [beta, gamma, prod]
            metricDefinitions:
              - id: from_file_metric
                category: ENABLEMENT
                unit: percent
                better: HIGHER
                aggregation: last
                target: 90
            """;

    private static Path directory;

    @LocalServerPort
    int port;

    @Autowired
    CatalogAsCode catalog;

    @Autowired
    CurrentCaller callers;

    private ApiClient api;

    @DynamicPropertySource
    static void catalogFile(DynamicPropertyRegistry registry) throws IOException {
        directory = Files.createTempDirectory("tollgate-config-file");
        Path file = Files.writeString(directory.resolve("catalog.yaml"), CATALOG);
        registry.add("tollgate.config-file", file::toString);
    }

    @AfterAll
    static void deleteFiles() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    private void applyAtStart(Path file) throws IOException {
        new CatalogConfigFile(catalog, callers, file.toString()).run(new DefaultApplicationArguments());
    }

    @Test
    void the_catalog_file_is_applied_at_start_by_the_system() {
        JsonNode service = api.get("/api/v1/services/from-file-service").asAdmin().send().expectStatus(200).json();

        assertThat(service.path("team").asString()).isEqualTo("from-file");
        assertThat(service.path("stages").values()).extracting(JsonNode::asString).containsExactly("beta", "gamma", "prod");
        assertThat(api.get("/api/v1/teams/from-file").asAdmin().send().expectStatus(200).json().path("name").asString())
                .isEqualTo("From the file");
        assertThat(api.get("/api/v1/metric-definitions").asAdmin().send().json().values())
                .anySatisfy(definition -> assertThat(definition.path("id").asString()).isEqualTo("from_file_metric"));
        assertThat(api.auditAfter(0)).filteredOn(entry -> entry.path("targetId").asString().equals("from-file"))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.path("action").asString()).isEqualTo("TEAM_CREATED");
                    assertThat(entry.path("actor").asString()).isEqualTo("system");
                });
    }

    @Test
    void applying_the_same_file_at_the_next_start_changes_nothing() throws IOException {
        long audited = api.newestAuditId();

        applyAtStart(Files.writeString(directory.resolve("again.yaml"), CATALOG));

        assertThat(api.newestAuditId()).isEqualTo(audited);
    }

    @Test
    void a_json_file_is_read_as_json() throws IOException {
        Path json = Files.writeString(directory.resolve("catalog.json"),
                "{\"teams\": [{\"id\": \"from-json\", \"name\": \"From JSON\"}]}");

        applyAtStart(json);

        api.get("/api/v1/teams/from-json").asAdmin().send().expectStatus(200);
    }

    @Test
    void a_file_with_a_bad_item_stops_the_start_naming_the_item_and_stores_nothing() throws IOException {
        Path bad = Files.writeString(directory.resolve("bad.yaml"), CATALOG.replace("from-file", "bad-file")
                .replace("[beta, gamma, prod]", "[beta, Gamma]"));

        assertThatThrownBy(() -> applyAtStart(bad)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("/services/0/stages/1");
        api.get("/api/v1/teams/bad-file").asAdmin().send().expectProblem(404);
    }

    @Test
    void a_file_that_cannot_be_read_stops_the_start_naming_the_file() {
        Path missing = directory.resolve("missing.yaml");

        assertThatThrownBy(() -> applyAtStart(missing)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing.yaml");
    }
}
