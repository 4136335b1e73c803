package dev.tollgate.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.InfluxTestServer;
import dev.tollgate.testing.PostgresTestDatabase;
import dev.tollgate.testing.TollgateProcess;
import tools.jackson.databind.JsonNode;

/**
 * README "How Tollgate scales": API nodes keep no state of their own; the catalog, events, rules,
 * overrides and gate records live in PostgreSQL and the time series in InfluxDB. Two packaged
 * Tollgates, started at the same moment on one empty PostgreSQL schema and one InfluxDB database,
 * both take ingest and answer the gate; what one is told (a rule, an override, points) the other
 * acts on at once; killing one loses nothing it acknowledged, and the other keeps serving.
 */
class TwoNodesIT {

    private static final int BATCH = 100;

    private final List<TollgateProcess> nodes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopNodes() throws Exception {
        for (TollgateProcess node : nodes) {
            node.close();
        }
    }

    @Test
    void two_nodes_share_one_database_and_either_survives_the_other() throws Exception {
        List<String> arguments = List.of(
                "--spring.datasource.url=" + PostgresTestDatabase.emptySchemaUrl(),
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password(),
                "--tollgate.influx.url=" + InfluxTestServer.url(),
                "--tollgate.influx.database=scaleout_" + UUID.randomUUID().toString().replace("-", ""));
        // At the same moment, as a compose file or an orchestrator starts replicas: both migrate
        // the same empty schema and create the same bootstrap token and admin.
        List<CompletableFuture<TollgateProcess>> starting = List.of(CompletableFuture.supplyAsync(() -> start(arguments)),
                CompletableFuture.supplyAsync(() -> start(arguments)));
        // Each node that started is stopped after the test, even when the other failed to start.
        starting.forEach(node -> node.thenAccept(nodes::add).exceptionally(failed -> null).join());
        TollgateProcess nodeA = starting.get(0).join();
        TollgateProcess nodeB = starting.get(1).join();
        ApiClient a = clientOf(nodeA);
        ApiClient b = clientOf(nodeB);

        a.put("/api/v1/teams/ledgers").asAdmin().json("{\"name\": \"Ledgers\"}").send().expectStatus(201);
        a.put("/api/v1/services/ledger").asAdmin().json("{\"team\": \"ledgers\", \"stages\": [\"gamma\", \"prod\"]}")
                .send().expectStatus(201);
        b.put("/api/v1/rules/ledger-errors").asAdmin().json(ledgerErrors(10)).send().expectStatus(201);
        b.post("/api/v1/deployments").asAdmin().json(
                "{\"service\": \"ledger\", \"stage\": \"gamma\", \"version\": \"2.0\", \"status\": \"SUCCEEDED\"}")
                .send().expectStatus(200);
        assertThat(verdictOf(a, "2.0")).as("a rule put on B decides on A").isEqualTo("PROMOTE");

        // Errors told to B stop a promotion asked of A: both read the one InfluxDB.
        b.post("/api/v1/metrics").asAdmin().json(
                "[{\"metric\": \"errors\", \"service\": \"ledger\", \"stage\": \"gamma\", \"value\": 50}]")
                .send().expectStatus(200);
        assertThat(verdictOf(a, "2.0")).as("errors written through B, gate asked of A").isEqualTo("STOP");

        // A keeps its rules in memory: a rule changed on B must still decide A's next evaluation.
        b.put("/api/v1/rules/ledger-errors").asAdmin().json(ledgerErrors(100)).send().expectStatus(200);
        assertThat(verdictOf(a, "2.0")).as("a rule relaxed on B, gate asked of A").isEqualTo("PROMOTE");
        b.put("/api/v1/rules/ledger-errors").asAdmin().json(ledgerErrors(10)).send().expectStatus(200);
        assertThat(verdictOf(a, "2.0")).as("the rule tightened again on B, gate asked of A").isEqualTo("STOP");

        // An override made on A holds on B at once: no cache stands between B and the database.
        a.post("/api/v1/overrides").asAdmin().json("{\"service\": \"ledger\", \"stage\": \"prod\", \"version\": \"2.0\", "
                + "\"reason\": \"Known noisy errors, fix verified by hand\", \"expiresAt\": \""
                + Instant.now().plus(1, ChronoUnit.HOURS) + "\"}").send().expectStatus(201);
        JsonNode overridden = b.post("/api/v1/gate-evaluations").asAdmin()
                .json("{\"service\": \"ledger\", \"stage\": \"prod\", \"version\": \"2.0\"}").send().expectStatus(201).json();
        assertThat(overridden.path("verdict").asString()).isEqualTo("PROMOTE");
        assertThat(overridden.path("override").path("overriddenVerdict").asString()).isEqualTo("STOP");

        // Steady load on both nodes; then A is killed mid-stream.
        Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger batchesAcknowledged = new AtomicInteger();
        AtomicInteger batchesSent = new AtomicInteger();
        AtomicInteger failuresOnB = new AtomicInteger();
        ConcurrentLinkedQueue<String> deploymentsAcknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> evaluationsAcknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger sequence = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (ApiClient node : List.of(a, b)) {
            writers.add(writer(running, node == b ? failuresOnB : null, () -> {
                int n = sequence.getAndIncrement();
                batchesSent.incrementAndGet();
                if (node.post("/api/v1/metrics").asAdmin().json(batch(base, n)).send().status() == 200) {
                    batchesAcknowledged.incrementAndGet();
                    return true;
                }
                return false;
            }));
            writers.add(writer(running, node == b ? failuresOnB : null, () -> {
                String id = "deployment-" + sequence.getAndIncrement();
                boolean acknowledged = node.post("/api/v1/deployments").asAdmin().json("{\"id\": \"" + id
                        + "\", \"service\": \"ledger\", \"stage\": \"gamma\", \"version\": \"3." + id.hashCode()
                        + "\", \"status\": \"SUCCEEDED\"}").send().status() == 200;
                if (acknowledged) {
                    deploymentsAcknowledged.add(id);
                }
                return acknowledged;
            }));
            writers.add(writer(running, node == b ? failuresOnB : null, () -> {
                ApiResponse answer = node.post("/api/v1/gate-evaluations").asAdmin()
                        .json("{\"service\": \"ledger\", \"stage\": \"prod\", \"version\": \"2.0\"}").send();
                if (answer.status() == 201) {
                    evaluationsAcknowledged.add(answer.json().path("id").asString());
                    return true;
                }
                return false;
            }));
        }
        while (batchesAcknowledged.get() < 20 || deploymentsAcknowledged.size() < 20 || evaluationsAcknowledged.size() < 20) {
            Thread.sleep(20);
        }
        nodeA.kill();
        int acknowledgedAtKill = evaluationsAcknowledged.size();
        while (evaluationsAcknowledged.size() < acknowledgedAtKill + 20) {
            Thread.sleep(20);
        }
        running.set(false);
        for (Thread writer : writers) {
            writer.join(30_000);
        }
        assertThat(failuresOnB).as("B's answers that were not a 2xx, while and after A died").hasValue(0);

        long points = b.get("/api/v1/metrics/aggregate?metric=durable&service=ledger&stage=gamma&aggregation=count&from="
                + base + "&to=" + base.plus(2, ChronoUnit.HOURS)).asAdmin().send().expectStatus(200).json().path("count").asLong();
        assertThat(points).as("points of acknowledged batches").isGreaterThanOrEqualTo((long) batchesAcknowledged.get() * BATCH);
        assertThat(points).as("at most the batches sent").isLessThanOrEqualTo((long) batchesSent.get() * BATCH);
        List<String> deployments = new ArrayList<>();
        b.get("/api/v1/deployments?service=ledger&stage=gamma&limit=1000").asAdmin().send().expectStatus(200).json()
                .forEach(deployment -> deployments.add(deployment.path("id").asString()));
        assertThat(deployments).as("deployments acknowledged by either node").containsAll(deploymentsAcknowledged);
        for (String id : evaluationsAcknowledged) {
            b.get("/api/v1/gate-evaluations/" + id).asAdmin().send().expectStatus(200);
        }
    }

    @FunctionalInterface
    private interface Write {
        /** Answers whether the write was acknowledged. */
        boolean send();
    }

    /**
     * A thread writing until stopped; writes refused or unanswered are counted in {@code failures}
     * (null for the node that is killed, whose failures are expected) and end the thread.
     */
    private static Thread writer(AtomicBoolean running, AtomicInteger failures, Write write) {
        Thread thread = new Thread(() -> {
            while (running.get()) {
                try {
                    if (!write.send()) {
                        if (failures != null) {
                            failures.incrementAndGet();
                        }
                        return;
                    }
                } catch (UncheckedIOException killed) {
                    if (failures != null) {
                        failures.incrementAndGet();
                    }
                    return;
                }
            }
        });
        thread.start();
        return thread;
    }

    /** The rule that gates ledger into prod: at most {@code threshold} errors in gamma over the last hour. */
    private static String ledgerErrors(int threshold) {
        return """
                {"name": "Few errors in gamma", "scope": {"service": "ledger"}, "stages": ["prod"],
                 "kind": "THRESHOLD", "onNoData": "PASS",
                 "params": {"metric": "errors", "aggregation": "sum", "window": "PT1H", "operator": ">", "threshold": %d}}
                """.formatted(threshold);
    }

    private static String verdictOf(ApiClient node, String version) {
        return node.post("/api/v1/gate-evaluations").asAdmin()
                .json("{\"service\": \"ledger\", \"stage\": \"prod\", \"version\": \"" + version + "\"}")
                .send().expectStatus(201).json().path("verdict").asString();
    }

    /** Batch {@code n}: BATCH points of value 1, at times no other batch uses (InfluxDB keeps one point per series and time). */
    private static String batch(Instant base, int n) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < BATCH; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"metric\":\"durable\",\"service\":\"ledger\",\"stage\":\"gamma\",\"value\":1,\"time\":")
                    .append(base.plusMillis((long) n * BATCH + i).toEpochMilli()).append('}');
        }
        return json.append(']').toString();
    }

    private static TollgateProcess start(List<String> arguments) {
        try {
            return TollgateProcess.start(TollgateProcess.jar(), arguments, ApiClient.BOOTSTRAP_TOKEN);
        } catch (Exception e) {
            throw new IllegalStateException("A node did not start", e);
        }
    }

    private static ApiClient clientOf(TollgateProcess node) {
        return new ApiClient(URI.create(node.url()).getPort());
    }
}
