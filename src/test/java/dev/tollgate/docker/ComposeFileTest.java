package dev.tollgate.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What a user of {@code docker/} depends on, checked without a Docker engine (none runs on the
 * build machines): the compose file wires Tollgate to healthy stores, keeps secrets out of the
 * file and data in named volumes, and the Dockerfile's runtime stage is fit to run.
 */
class ComposeFileTest {

    private static final Path DOCKER = Path.of("docker");
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?[^}]+}");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|TOKEN|SECRET).*");
    private static final Pattern ANY_INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)([^}]*)}");

    private static JsonNode compose;
    private static String composeText;
    private static List<Instruction> runtimeStage;

    /** One Dockerfile instruction, continuation lines joined. */
    private record Instruction(String keyword, String arguments) {
    }

    @BeforeAll
    static void readFiles() throws IOException {
        composeText = Files.readString(DOCKER.resolve("compose.yaml"));
        compose = new YAMLMapper().readTree(composeText);
        List<List<Instruction>> stages = stages(Files.readString(DOCKER.resolve("Dockerfile")));
        runtimeStage = stages.getLast();
    }

    // ---- compose.yaml ----

    @Test
    void compose_runs_tollgate_postgres_and_influxdb() {
        assertThat(compose.path("services").propertyNames()).contains("tollgate", "postgres", "influxdb");
        assertThat(service("postgres").path("image").asString()).isEqualTo("postgres:17");
        assertThat(service("influxdb").path("image").asString()).isEqualTo("influxdb:1.11");
    }

    @Test
    void tollgate_is_built_from_the_repository_root_with_the_dockerfile_in_docker() {
        JsonNode build = service("tollgate").path("build");
        assertThat(build.path("context").asString()).isEqualTo("..");
        assertThat(build.path("dockerfile").asString()).isEqualTo("docker/Dockerfile");
        Path root = DOCKER.resolve(build.path("context").asString());
        assertThat(root.resolve("pom.xml")).exists();
        assertThat(root.resolve(build.path("dockerfile").asString())).exists();
    }

    @Test
    void two_tollgate_nodes_run_behind_the_balancer_which_alone_publishes_port_8080() {
        assertThat(service("tollgate").path("deploy").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(service("tollgate").path("ports").isMissingNode()).as("nodes publish no port").isTrue();
        assertThat(strings(service("balancer").path("ports"))).containsExactly("8080:8080");
        assertThat(service("balancer").path("configs").get(0).path("target").asString())
                .isEqualTo("/usr/local/etc/haproxy/haproxy.cfg");
        assertThat(DOCKER.resolve(compose.path("configs").path("balancer").path("file").asString())).exists();
    }

    @Test
    void the_balancer_sends_to_ready_nodes_and_keeps_a_browser_on_its_node() throws IOException {
        List<String> backend = section(Files.readAllLines(DOCKER.resolve("haproxy.cfg")), "backend tollgate");

        assertThat(backend).anyMatch(line -> line.matches("server-template \\S+ \\d+ tollgate:8080 check .*resolvers docker.*"));
        assertThat(backend).contains("option httpchk GET /actuator/health/readiness", "http-check expect status 200");
        // The UI's Vaadin session lives on one node: without a sticky cookie a browser would lose it.
        assertThat(backend).anyMatch(line -> line.startsWith("cookie TOLLGATE_NODE insert"));
        assertThat(environment("tollgate")).containsEntry("SERVER_FORWARD_HEADERS_STRATEGY", "native");
    }

    /** The lines of a section of an HAProxy configuration, stripped of indentation and comments. */
    private static List<String> section(List<String> lines, String header) {
        List<String> section = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                inside = line.strip().equals(header);
            } else if (inside && !line.isBlank() && !line.strip().startsWith("#")) {
                section.add(line.strip());
            }
        }
        return section;
    }

    @Test
    void tollgate_waits_for_healthy_postgres() {
        assertThat(dependencyCondition("tollgate", "postgres")).isEqualTo("service_healthy");
    }

    @Test
    void tollgate_waits_for_healthy_influxdb() {
        assertThat(dependencyCondition("tollgate", "influxdb")).isEqualTo("service_healthy");
    }

    @Test
    void every_service_that_keeps_running_has_a_healthcheck() {
        for (String name : compose.path("services").propertyNames()) {
            if (isOneShot(name)) {
                continue;
            }
            if (name.equals("tollgate")) {
                assertThat(instruction("HEALTHCHECK")).as("tollgate's health comes from its image").isNotNull();
                continue;
            }
            JsonNode test = service(name).path("healthcheck").path("test");
            assertThat(strings(test)).as("healthcheck of " + name).isNotEmpty();
        }
    }

    @Test
    void every_one_shot_service_finishes_before_its_dependents_start() {
        for (String name : compose.path("services").propertyNames()) {
            if (isOneShot(name)) {
                assertThat(service(name).path("restart").asString()).as(name).isEqualTo("no");
            }
        }
    }

    @Test
    void datasource_url_points_at_the_postgres_service_and_its_database() {
        Map<String, String> tollgate = environment("tollgate");
        Map<String, String> postgres = environment("postgres");
        URI url = URI.create(tollgate.get("SPRING_DATASOURCE_URL").substring("jdbc:".length()));

        assertThat(url.getScheme()).isEqualTo("postgresql");
        assertThat(url.getHost()).isEqualTo("postgres");
        assertThat(url.getPort()).isEqualTo(5432);
        assertThat(url.getPath()).isEqualTo("/" + postgres.get("POSTGRES_DB"));
        assertThat(tollgate.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
    }

    @Test
    void influx_url_points_at_the_influxdb_service_and_its_database() {
        Map<String, String> tollgate = environment("tollgate");
        Map<String, String> influxdb = environment("influxdb");
        URI url = URI.create(tollgate.get("TOLLGATE_INFLUX_URL"));

        assertThat(url.getHost()).isEqualTo("influxdb");
        assertThat(url.getPort()).isEqualTo(8086);
        assertThat(tollgate.get("TOLLGATE_INFLUX_DATABASE")).isEqualTo(influxdb.get("INFLUXDB_DB"));
        assertThat(tollgate.get("TOLLGATE_INFLUX_USERNAME")).isEqualTo(influxdb.get("INFLUXDB_ADMIN_USER"));
        assertThat(influxdb.get("INFLUXDB_REPORTING_DISABLED")).isEqualTo("true");
    }

    @Test
    void bootstrap_token_and_admin_password_must_be_set_in_the_environment() {
        Map<String, String> tollgate = environment("tollgate");
        for (String variable : List.of("TOLLGATE_BOOTSTRAP_TOKEN", "TOLLGATE_ADMIN_PASSWORD")) {
            Matcher required = REQUIRED_VARIABLE.matcher(tollgate.get(variable));
            assertThat(required.matches()).as(variable + " is ${" + variable + ":?message}").isTrue();
            assertThat(required.group(1)).isEqualTo(variable);
        }
    }

    @Test
    void no_password_or_token_is_written_in_the_file() {
        for (String name : compose.path("services").propertyNames()) {
            environment(name).forEach((key, value) -> {
                if (SECRET_NAME.matcher(key).matches() && !key.endsWith("_FILE") && value != null) {
                    assertThat(REQUIRED_VARIABLE.matcher(value).matches())
                            .as(name + " " + key + " comes from the environment, without a default").isTrue();
                }
            });
        }
        Matcher interpolation = ANY_INTERPOLATION.matcher(composeText);
        while (interpolation.find()) {
            if (SECRET_NAME.matcher(interpolation.group(1)).matches()) {
                assertThat(interpolation.group(2)).as("${" + interpolation.group(1) + "} has no default").startsWith(":?");
            }
        }
    }

    @Test
    void tollgate_reads_the_same_generated_passwords_the_stores_were_given() {
        String secretsVolume = "secrets";
        String tollgateDirectory = mountPoint("tollgate", secretsVolume);
        assertThat(environment("tollgate").get("SPRING_CONFIG_IMPORT"))
                .isEqualTo("configtree:" + tollgateDirectory + "/");

        String postgresFile = environment("postgres").get("POSTGRES_PASSWORD_FILE");
        assertThat(postgresFile).isEqualTo(mountPoint("postgres", secretsVolume) + "/spring.datasource.password");
        assertThat(String.join(" ", strings(service("influxdb").path("entrypoint"))))
                .contains(mountPoint("influxdb", secretsVolume) + "/tollgate.influx.password");

        String generator = String.join(" ", strings(service("secrets").path("entrypoint")));
        assertThat(mountPoint("secrets", secretsVolume)).isEqualTo("/secrets");
        assertThat(generator).contains("spring.datasource.password", "tollgate.influx.password", "/dev/urandom");
        assertThat(dependencyCondition("postgres", "secrets")).isEqualTo("service_completed_successfully");
        assertThat(dependencyCondition("influxdb", "secrets")).isEqualTo("service_completed_successfully");
        assertThat(dependencyCondition("tollgate", "secrets")).isEqualTo("service_completed_successfully");
    }

    @Test
    void every_volume_is_named_and_declared() {
        Set<String> declared = Set.copyOf(compose.path("volumes").propertyNames());
        for (String name : compose.path("services").propertyNames()) {
            for (String mount : strings(service(name).path("volumes"))) {
                String source = mount.split(":")[0];
                assertThat(declared).as(name + " mounts " + mount + " from a named volume").contains(source);
            }
        }
    }

    @Test
    void the_data_of_every_service_lives_in_a_named_volume() {
        assertThat(mountedAt("postgres", "/var/lib/postgresql/data")).isNotNull();
        assertThat(mountedAt("influxdb", "/var/lib/influxdb")).isNotNull();
        for (String path : instruction("VOLUME").arguments().replaceAll("[\\[\\]\"]", "").split("[ ,]+")) {
            assertThat(mountedAt("tollgate", path)).as("the image's VOLUME " + path + " gets a named volume").isNotNull();
        }
    }

    @Test
    void postgres_and_influxdb_are_reachable_only_on_an_internal_network() {
        assertThat(service("postgres").path("ports").isMissingNode()).isTrue();
        assertThat(service("influxdb").path("ports").isMissingNode()).isTrue();
        for (String store : List.of("postgres", "influxdb")) {
            for (String network : strings(service(store).path("networks"))) {
                assertThat(compose.path("networks").path(network).path("internal").asBoolean())
                        .as(store + " network " + network).isTrue();
            }
        }
    }

    // ---- Dockerfile, runtime stage ----

    @Test
    void runtime_stage_runs_as_a_non_root_user() {
        String user = instruction("USER").arguments().split(":")[0];
        assertThat(user).isNotIn("root", "0", "");
    }

    @Test
    void runtime_stage_checks_health_on_actuator_health() {
        assertThat(instruction("HEALTHCHECK").arguments()).contains("CMD").contains("http://127.0.0.1:8080/actuator/health");
    }

    @Test
    void runtime_stage_exposes_8080() {
        assertThat(instruction("EXPOSE").arguments().split("\\s+")).contains("8080");
    }

    @Test
    void runtime_stage_starts_java_in_exec_form() {
        String arguments = instruction("ENTRYPOINT").arguments();
        assertThat(arguments).as("exec form: a JSON array, so java is PID 1 and gets SIGTERM").startsWith("[");
        JsonNode entrypoint = JsonMapper.shared().readTree(arguments);
        assertThat(entrypoint.get(0).asString()).isEqualTo("java");
    }

    @Test
    void runtime_stage_keeps_h2_files_in_its_volume_and_sizes_the_heap_from_the_container() {
        String volume = instruction("VOLUME").arguments();
        Map<String, String> env = new HashMap<>();
        for (Instruction instruction : runtimeStage) {
            if (instruction.keyword().equals("ENV")) {
                Matcher pair = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)").matcher(instruction.arguments());
                while (pair.find()) {
                    env.put(pair.group(1), pair.group(2).replace("\"", ""));
                }
            }
        }
        assertThat(volume).contains(env.get("TOLLGATE_DATADIR"));
        assertThat(env.get("JDK_JAVA_OPTIONS")).contains("-XX:MaxRAMPercentage=");
    }

    @Test
    void build_context_leaves_out_build_output_local_data_and_git() throws IOException {
        List<String> ignored = Files.readAllLines(DOCKER.resolve("Dockerfile.dockerignore")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertThat(ignored).contains("**/target", "data", "**/node_modules", ".git");
    }

    // ---- helpers ----

    private static JsonNode service(String name) {
        JsonNode service = compose.path("services").path(name);
        assertThat(service.isObject()).as("service " + name).isTrue();
        return service;
    }

    private static Map<String, String> environment(String name) {
        Map<String, String> environment = new HashMap<>();
        service(name).path("environment").properties()
                .forEach(entry -> environment.put(entry.getKey(), entry.getValue().isNull() ? null : entry.getValue().asString()));
        return environment;
    }

    private static String dependencyCondition(String service, String dependency) {
        return service(service).path("depends_on").path(dependency).path("condition").asString();
    }

    private static boolean isOneShot(String name) {
        return compose.path("services").properties().stream()
                .anyMatch(other -> "service_completed_successfully"
                        .equals(other.getValue().path("depends_on").path(name).path("condition").asString()));
    }

    private static String mountPoint(String service, String volume) {
        return strings(service(service).path("volumes")).stream()
                .map(mount -> mount.split(":"))
                .filter(parts -> parts[0].equals(volume))
                .map(parts -> parts[1])
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " does not mount volume " + volume));
    }

    private static String mountedAt(String service, String path) {
        return strings(service(service).path("volumes")).stream()
                .map(mount -> mount.split(":"))
                .filter(parts -> parts[1].equals(path))
                .map(parts -> parts[0])
                .findFirst()
                .orElse(null);
    }

    private static List<String> strings(JsonNode node) {
        if (node.isString()) {
            return List.of(node.asString());
        }
        return node.values().stream().map(JsonNode::asString).collect(Collectors.toList());
    }

    private static Instruction instruction(String keyword) {
        return runtimeStage.stream()
                .filter(instruction -> instruction.keyword().equals(keyword))
                .reduce((first, last) -> last)          // Docker uses the last one
                .orElseThrow(() -> new AssertionError("the runtime stage has no " + keyword));
    }

    private static List<List<Instruction>> stages(String dockerfile) {
        List<List<Instruction>> stages = new ArrayList<>();
        String joined = dockerfile.replaceAll("\\\\\\r?\\n", " ");
        for (String line : joined.split("\\r?\\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            Instruction instruction = new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1].strip() : "");
            if (instruction.keyword().equals("FROM")) {
                stages.add(new ArrayList<>());
            }
            assertThat(stages).as("the Dockerfile starts with FROM").isNotEmpty();
            stages.getLast().add(instruction);
        }
        return stages;
    }
}
