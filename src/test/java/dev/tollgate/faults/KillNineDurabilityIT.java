package dev.tollgate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.PostgresTestDatabase;
import dev.tollgate.testing.TollgateProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API.md: "Nothing acknowledged is ever lost, including across a crash (kill -9) right after the
 * answer." The packaged Tollgate runs as a process of its own, on an H2 file or on PostgreSQL,
 * and takes three steady streams at once: metric batches, deployments and gate evaluations. It
 * is killed with SIGKILL mid-stream and started again on the same database: every acknowledged
 * batch, deployment and evaluation is there, no batch is there in part, and every stored
 * evaluation carries its rule results.
 */
class KillNineDurabilityIT {

    private static final String TOKEN = ApiClient.BOOTSTRAP_TOKEN;
    private static final int BATCH = 1_000;
    /** Enough of each stream acknowledged before the kill that the crash lands among writes of every kind. */
    private static final int BEFORE_KILL = 20;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Path dataDir;
    private TollgateProcess tollgate;

    @BeforeEach
    void dataDir() throws IOException {
        dataDir = Files.createTempDirectory("tollgate-durability-");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (tollgate != null) {
            tollgate.close();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void everything_acknowledged_survives_kill_9_and_nothing_is_half_written(String database) throws Exception {
        List<String> databaseArguments = database.equals("H2") ? List.of() : List.of(
                "--spring.datasource.url=" + PostgresTestDatabase.emptySchemaUrl(),
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password());
        tollgate = start(databaseArguments);
        call("PUT", "/api/v1/teams/durable", "{\"name\": \"Durable\"}", 201);
        call("PUT", "/api/v1/services/ledger", "{\"team\": \"durable\", \"stages\": [\"gamma\", \"prod\"]}", 201);
        call("PUT", "/api/v1/rules/ledger-errors", """
                {"name": "Few errors in gamma", "scope": {"service": "ledger"}, "stages": ["prod"],
                 "kind": "THRESHOLD", "onNoData": "PASS",
                 "params": {"metric": "errors", "aggregation": "sum", "window": "PT1H", "operator": ">", "threshold": 10}}
                """, 201);
        Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger batchesSent = new AtomicInteger();
        AtomicInteger batchesAcknowledged = new AtomicInteger();
        ConcurrentLinkedQueue<String> deploymentsAcknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> evaluationsAcknowledged = new ConcurrentLinkedQueue<>();
        List<Thread> writers = List.of(
                writer(running, n -> {
                    batchesSent.incrementAndGet();
                    if (send("POST", "/api/v1/metrics", batch(base, n)).statusCode() == 200) {
                        batchesAcknowledged.incrementAndGet();
                    }
                }),
                writer(running, n -> {
                    String id = "deployment-" + n;
                    String body = "{\"id\": \"" + id + "\", \"service\": \"ledger\", \"stage\": \"gamma\", \"version\": \"1." + n
                            + "\", \"status\": \"SUCCEEDED\", \"commit\": \"c" + n + "\"}";
                    if (send("POST", "/api/v1/deployments", body).statusCode() == 200) {
                        deploymentsAcknowledged.add(id);
                    }
                }),
                writer(running, n -> {
                    HttpResponse<String> answer = send("POST", "/api/v1/gate-evaluations",
                            "{\"service\": \"ledger\", \"stage\": \"prod\", \"version\": \"1." + n + "\"}");
                    if (answer.statusCode() == 201) {
                        evaluationsAcknowledged.add(JSON.readTree(answer.body()).path("id").asString());
                    }
                }));
        while (batchesAcknowledged.get() < BEFORE_KILL || deploymentsAcknowledged.size() < BEFORE_KILL
                || evaluationsAcknowledged.size() < BEFORE_KILL) {
            Thread.sleep(20);
        }
        tollgate.kill();
        running.set(false);
        for (Thread writer : writers) {
            writer.join(10_000);
        }

        tollgate = start(databaseArguments);
        long count = call("GET", "/api/v1/metrics/aggregate?metric=durable&service=ledger&stage=gamma&aggregation=count&from="
                + base + "&to=" + base.plus(2, ChronoUnit.HOURS), null, 200).path("count").asLong();
        assertThat(count).as("points of acknowledged batches").isGreaterThanOrEqualTo((long) batchesAcknowledged.get() * BATCH);
        assertThat(count % BATCH).as("points of a half-written batch").isZero();
        assertThat(count).as("at most the batches sent").isLessThanOrEqualTo((long) batchesSent.get() * BATCH);

        Set<String> deployments = new HashSet<>();
        for (JsonNode deployment : call("GET", "/api/v1/deployments?service=ledger&stage=gamma&limit=1000", null, 200)) {
            deployments.add(deployment.path("id").asString());
            assertThat(deployment.path("version").asString()).as("a stored deployment is whole").isNotEmpty();
            assertThat(deployment.path("status").asString()).isEqualTo("SUCCEEDED");
        }
        assertThat(deployments).as("acknowledged deployments").containsAll(deploymentsAcknowledged);

        for (String id : evaluationsAcknowledged) {
            JsonNode evaluation = call("GET", "/api/v1/gate-evaluations/" + id, null, 200);
            assertThat(evaluation.path("verdict").asString()).as("evaluation " + id).isNotEmpty();
            assertThat(evaluation.path("results")).as("the rule results of evaluation " + id).hasSize(1);
        }
        for (JsonNode evaluation : call("GET", "/api/v1/gate-evaluations?service=ledger&limit=1000", null, 200)) {
            assertThat(evaluation.path("results")).as("a stored evaluation is whole: " + evaluation).hasSize(1);
        }
    }

    @FunctionalInterface
    private interface Write {
        void send(int n) throws Exception;
    }

    /** A thread sending write {@code 0, 1, 2, …} until stopped or until Tollgate no longer answers. */
    private static Thread writer(AtomicBoolean running, Write write) {
        Thread thread = new Thread(() -> {
            for (int n = 0; running.get(); n++) {
                try {
                    write.send(n);
                } catch (IOException | InterruptedException killed) {
                    return;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        thread.start();
        return thread;
    }

    /** Batch {@code n}: BATCH points of value 1, at times no other batch uses. */
    private static String batch(Instant base, int n) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < BATCH; i++) {
            Instant time = base.plusMillis((long) n * BATCH + i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"metric\":\"durable\",\"service\":\"ledger\",\"stage\":\"gamma\",\"value\":1,\"time\":")
                    .append(time.toEpochMilli()).append('}');
        }
        return json.append(']').toString();
    }

    /** Tollgate on {@link #dataDir}, on a port of its own: the one it had before a kill may not be free again yet. */
    private TollgateProcess start(List<String> arguments) throws Exception {
        return TollgateProcess.start(TollgateProcess.jar(), dataDir, arguments, TOKEN);
    }

    private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(tollgate.url() + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode call(String method, String path, String json, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, json);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }
}
