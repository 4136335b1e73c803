package dev.tollgate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API.md: "Nothing acknowledged is ever lost, including across a crash (kill -9) right after the
 * answer." The packaged Tollgate runs as a process of its own on an H2 file, takes a steady
 * stream of batches, is killed with SIGKILL mid-stream and started again on the same file: every
 * acknowledged batch is there, and no batch is there in part.
 */
class KillNineDurabilityIT {

    private static final String TOKEN = "durability-test-token-0123456789abcdef";
    private static final int BATCH = 1_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Path dataDir;
    private int port;
    private Process tollgate;

    @BeforeEach
    void dataDir() throws IOException {
        dataDir = Files.createTempDirectory("tollgate-durability-");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (tollgate != null) {
            tollgate.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void every_acknowledged_batch_survives_kill_9_and_none_is_half_written() throws Exception {
        tollgate = start();
        call("PUT", "/api/v1/teams/durable", "{\"name\": \"Durable\"}", 201);
        call("PUT", "/api/v1/services/ledger", "{\"team\": \"durable\", \"stages\": [\"prod\"]}", 201);
        Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);

        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            while (running.get()) {
                int batch = sent.getAndIncrement();
                try {
                    if (post(body(base, batch)) == 200) {
                        acknowledged.incrementAndGet();
                    }
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        writer.start();
        while (acknowledged.get() < 20) {
            Thread.sleep(20);
        }
        tollgate.destroyForcibly().waitFor();
        running.set(false);
        writer.join(10_000);
        int acked = acknowledged.get();

        tollgate = start();
        JsonNode answer = call("GET", "/api/v1/metrics/aggregate?metric=durable&service=ledger&aggregation=count&from="
                + base + "&to=" + base.plus(2, ChronoUnit.HOURS), null, 200);
        long count = answer.path("count").asLong();
        assertThat(count).as("points of acknowledged batches").isGreaterThanOrEqualTo((long) acked * BATCH);
        assertThat(count % BATCH).as("points of a half-written batch").isZero();
        assertThat(count).as("at most the batches sent").isLessThanOrEqualTo((long) sent.get() * BATCH);
    }

    /** Batch {@code n}: BATCH points of value 1, at times no other batch uses. */
    private static String body(Instant base, int n) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < BATCH; i++) {
            Instant time = base.plusMillis((long) n * BATCH + i);
            json.append(i == 0 ? "" : ",").append("{\"metric\":\"durable\",\"service\":\"ledger\",\"value\":1,\"time\":")
                    .append(time.toEpochMilli()).append('}');
        }
        return json.append(']').toString();
    }

    private Process start() throws IOException, InterruptedException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(path -> path.getFileName().toString().matches("tollgate-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run ./mvnw verify"));
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--tollgate.data-dir=" + dataDir, "--vaadin.launch-browser=false")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("tollgate.log").toFile()))
                .directory(dataDir.toFile());
        // The environment carries the bootstrap token, as in production.
        builder.environment().put("TOLLGATE_BOOTSTRAP_TOKEN", TOKEN);
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Tollgate exited at start: " + Files.readString(dataDir.resolve("tollgate.log")));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Tollgate did not start within 90 s");
    }

    private int post(String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/metrics"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode call(String method, String path, String json, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return JsonMapper.builder().build().readTree(response.body());
    }
}
