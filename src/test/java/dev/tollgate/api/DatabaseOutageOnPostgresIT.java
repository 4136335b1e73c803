package dev.tollgate.api;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.OutageDrill;
import dev.tollgate.testing.PostgresTestDatabase;
import dev.tollgate.testing.SustainedLoad;
import dev.tollgate.testing.TcpProxy;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6, "PostgreSQL restarted under load": the whole application on PostgreSQL, reached
 * through a {@link TcpProxy} that the test cuts (every connection closed, new ones refused, as a
 * stopped server does) while clients ingest and ask the gate. The shared PostgreSQL itself keeps
 * running for everyone else; {@code -Dtollgate.test.restart-postgres=15/main} restarts it for real.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageOnPostgresIT {

    private static final Duration OUTAGE = Duration.ofSeconds(6);
    /** Short, so that requests stuck on a hung server end well within {@link OutageDrill#MAX_ANSWER}. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(3);
    private static final String RESTART_PROPERTY = "tollgate.test.restart-postgres";

    private static TcpProxy proxy;
    private static String proxiedUrl;

    /** Before the context starts, so that a machine without PostgreSQL skips this class (or fails on CI) with instructions. */
    @BeforeAll
    static void proxyPostgres() throws IOException {
        String url = PostgresTestDatabase.emptySchemaUrl();
        URI target = URI.create(url.substring("jdbc:".length()));
        proxy = TcpProxy.start(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
        proxiedUrl = "jdbc:postgresql://127.0.0.1:" + proxy.port() + target.getRawPath()
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }

    @AfterAll
    static void closeProxy() throws IOException {
        proxy.close();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> proxiedUrl);
        properties.add("spring.datasource.username", PostgresTestDatabase::user);
        properties.add("spring.datasource.password", PostgresTestDatabase::password);
        properties.add("tollgate.database.socket-timeout", () -> SOCKET_TIMEOUT.toSeconds() + "s");
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void while_postgresql_is_cut_off_every_request_answers_503_and_tollgate_recovers_by_itself() throws Exception {
        drill(new OutageDrill.Outage() {
            @Override
            public void begin() throws IOException {
                proxy.cut();
            }

            @Override
            public void end() throws IOException {
                proxy.restore();
            }
        });
    }

    @Test
    void while_postgresql_hangs_every_request_answers_503_within_the_socket_timeout_and_tollgate_recovers() throws Exception {
        drill(new OutageDrill.Outage() {
            @Override
            public void begin() {
                proxy.pause();
            }

            @Override
            public void end() {
                proxy.resume();
            }
        });
    }

    @Test
    void while_postgresql_restarts_every_request_answers_503_and_tollgate_recovers_by_itself() throws Exception {
        String cluster = System.getProperty(RESTART_PROPERTY, "");
        Assumptions.assumeTrue(cluster.matches("\\d+/[\\w-]+"), "This test stops the PostgreSQL cluster that other"
                + " tests and people share, so it runs only on request: -D" + RESTART_PROPERTY + "=15/main (the"
                + " version/name that pg_ctlcluster takes)");
        String[] versionAndName = cluster.split("/");
        drill(new OutageDrill.Outage() {
            @Override
            public void begin() throws Exception {
                pgCtlCluster(versionAndName, "stop", "-m", "fast");
            }

            @Override
            public void end() throws Exception {
                pgCtlCluster(versionAndName, "start");
            }
        });
    }

    private void drill(OutageDrill.Outage outage) throws Exception {
        ApiClient api = new ApiClient(port);
        String team = api.createTeam(unique("outage"));
        String service = api.createService(unique("ledger"), team, "beta", "prod");
        double unrecordedBefore = unrecorded();
        ApiResponse[] health = new ApiResponse[1];
        OutageDrill drill = OutageDrill.on(api, team, service)
                .run(outage, OUTAGE, () -> health[0] = api.get("/actuator/health").send());

        drill.assertEveryAnswerClean();
        drill.assertDuring("ingest", answer -> answer.status() == 503
                && answer.response().json().path("detail").asString().contains(DatabaseOutages.REASON),
                "503 naming the database");
        drill.assertDuring("gate", DatabaseOutageOnPostgresIT::isUnrecordedStop, "503 with verdict STOP, not recorded");
        assertThat(health[0].status()).as("health during the outage: %s", health[0].body()).isEqualTo(503);
        JsonNode db = health[0].json().path("components").path("db");
        assertThat(db.path("status").asString()).isEqualTo("DOWN");
        assertThat(db.path("description").asString()).isEqualTo(DatabaseOutages.REASON);

        // No restart: the same context serves, and holds everything it acknowledged.
        assertThat(drill.recovery()).as("time to serve again").isLessThan(OutageDrill.MAX_RECOVERY);
        drill.assertAcknowledgedPointsPresent();
        List<SustainedLoad.Answer> evaluated = drill.of("gate").stream().filter(answer -> answer.status() == 201).toList();
        assertThat(evaluated).as("evaluations recorded").isNotEmpty();
        for (SustainedLoad.Answer answer : evaluated) {
            api.get("/api/v1/gate-evaluations/" + answer.response().json().path("id").asString()).asAdmin().send()
                    .expectStatus(200);
        }
        long stopped = drill.of("gate").stream().filter(answer -> answer.status() == 503).count();
        assertThat(unrecorded() - unrecordedBefore).as("tollgate.gate.evaluations.unrecorded").isEqualTo((double) stopped);
        assertThat(api.get("/actuator/health").send().status()).as("health once back").isEqualTo(200);
        assertThat(api.get("/v3/api-docs").asAdmin().send().expectStatus(200).json().path("paths")
                .path("/api/v1/gate-evaluations").path("post").path("responses").path("503").path("description")
                .asString()).as("the OpenAPI document's 503 of the gate").contains("STOP", "recorded");
    }

    /** API.md's gate, when it cannot know: STOP, with the reason, and not in its history. */
    private static boolean isUnrecordedStop(SustainedLoad.Answer answer) {
        JsonNode body = answer.response().json();
        return answer.status() == 503 && body.path("verdict").asString().equals("STOP")
                && body.path("recorded").isBoolean() && !body.path("recorded").asBoolean()
                && body.path("reason").asString().equals(DatabaseOutages.REASON);
    }

    private double unrecorded() {
        return meters.counter("tollgate.gate.evaluations.unrecorded").count();
    }

    private static void pgCtlCluster(String[] versionAndName, String... action) throws Exception {
        List<String> command = new ArrayList<>(List.of("pg_ctlcluster", versionAndName[0], versionAndName[1]));
        command.addAll(List.of(action));
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }
}
