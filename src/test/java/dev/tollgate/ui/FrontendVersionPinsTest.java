package dev.tollgate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code frontend/vaadin-versions.json} honest. It replaces the web component versions that
 * Vaadin pins (README, "Node and the frontend bundle"); after a Vaadin upgrade it would quietly
 * hold the components back, so these checks fail until someone looks again.
 */
class FrontendVersionPinsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode vaadinPins = classpathJson("vaadin-core-versions.json");
    private final JsonNode ourPins = classpathJson("vaadin-versions.json");

    @Test
    void was_written_for_the_vaadin_version_in_use() {
        assertThat(ourPins.get("platform").asString())
                .as("Vaadin was upgraded: check whether the npm registry now serves the @vaadin/* versions in "
                        + "vaadin-core-versions.json; if it does, delete frontend/vaadin-versions.json, else "
                        + "update it (README, 'Node and the frontend bundle')")
                .isEqualTo(vaadinPins.get("platform").asString());
    }

    @Test
    void replaces_every_web_component_version_that_vaadin_pins() {
        Map<String, String> ours = npmVersions(ourPins);
        assertThat(ours.keySet()).containsAll(npmVersions(vaadinPins).keySet().stream()
                .filter(name -> name.startsWith("@vaadin/") && !isVaadinTool(name))
                .toList());
    }

    @Test
    void the_committed_lock_file_resolves_the_versions_pinned_here() throws IOException {
        JsonNode lockedPackages = JSON.readTree(Files.readString(Path.of("package-lock.json"))).get("packages");
        npmVersions(ourPins).forEach((name, version) -> {
            JsonNode locked = lockedPackages.get("node_modules/" + name);
            if (locked != null) {
                assertThat(locked.get("version").asString()).as(name).isEqualTo(version);
            }
        });
        assertThat(lockedPackages.get("node_modules/@vaadin/react-components").get("version").asString())
                .isEqualTo(npmVersions(ourPins).get("@vaadin/react-components"));
    }

    /** The router, usage statistics and mode detector have versions of their own, all served. */
    private static boolean isVaadinTool(String npmName) {
        return npmName.equals("@vaadin/router")
                || npmName.equals("@vaadin/vaadin-usage-statistics")
                || npmName.equals("@vaadin/vaadin-development-mode-detector");
    }

    private static Map<String, String> npmVersions(JsonNode versions) {
        Map<String, String> found = new TreeMap<>();
        collect(versions, found);
        return found;
    }

    private static void collect(JsonNode node, Map<String, String> found) {
        if (!node.isObject()) {
            return;
        }
        if (node.has("npmName") && node.has("jsVersion")) {
            found.put(node.get("npmName").asString(), node.get("jsVersion").asString());
            return;
        }
        node.forEach(child -> collect(child, found));
    }

    private static JsonNode classpathJson(String name) {
        try (InputStream in = FrontendVersionPinsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name + " on the classpath").isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
