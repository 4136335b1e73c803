package dev.tollgate.hostile;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.HttpApiTest;
import dev.tollgate.testing.SeededCases;

/**
 * Issue 6: random and randomly damaged bodies against the ingest endpoints over HTTP (see
 * {@link SeededCases}; {@code -Dfuzz.cases=N} per property, {@code -Dfuzz.seed=N} to replay). Whatever
 * arrives, the answer is never a 5xx, a refusal is a problem detail that echoes no markup, a
 * refused request stores nothing, and an undamaged body is stored whole.
 */
@HttpApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestFuzzIT {

    private static final SeededCases CASES = SeededCases.named("fuzz", 200);

    /** Pieces that steer damage into every corner of JSON and line-protocol syntax, numbers, escapes and UTF-8. */
    private static final String[] INTERESTING = { "\"", "\\", "{", "}", "[", "]", ",", ":", "=", " ", "\t", "\n", "\r\n",
            "#", "null", "true", "NaN", "-Infinity", "1e400", "-0", "9223372036854775808", "1.5", "i", "u", "\\u0000",
            "\\ud800", "\u0000", "<script>", "../", "'", "é", "🚀", "\"x\":", ",\"colour\":1", "=\"", "\\ " };
    private static final int[] RAW_BYTES = { 0x00, 0x7F, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0xED, 0xA0, 0xC0, 0xFF };

    @LocalServerPort
    int port;

    private ApiClient api;
    private String service;

    @BeforeAll
    void createTeamAndService() {
        api = new ApiClient(port);
        service = api.createService(unique("fuzzed"), api.createTeam(unique("fuzz")), "beta", "prod");
    }

    @Test
    void json_points_damaged_or_not_never_get_a_server_error_and_a_refusal_stores_nothing() {
        CASES.forEach(random -> {
            List<String> points = new ArrayList<>();
            int count = 1 + random.nextInt(5);
            for (int i = 0; i < count; i++) {
                points.add(jsonPoint(random));
            }
            byte[] body = ("[" + String.join(", ", points) + "]").getBytes(StandardCharsets.UTF_8);

            check(random, body, count, (damaged) -> api.post("/api/v1/metrics").asAdmin()
                    .bytes("application/json", damaged).send(), 200);
        });
    }

    @Test
    void line_protocol_damaged_or_not_never_gets_a_server_error_and_a_refusal_stores_nothing() {
        CASES.forEach(random -> {
            StringBuilder body = new StringBuilder();
            int count = 1 + random.nextInt(5);
            for (int i = 0; i < count; i++) {
                body.append(line(random)).append(random.nextBoolean() ? "\n" : "\r\n");
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);

            check(random, bytes, count, (damaged) -> switch (random.nextInt(3)) {
                case 0 -> api.post("/api/v1/write?precision=ms").asAdmin().bytes("text/plain", damaged).send();
                case 1 -> api.post("/write?db=fuzz&precision=ms&u=fuzz&p=" + ApiClient.BOOTSTRAP_TOKEN)
                        .bytes("text/plain", damaged).send();
                default -> api.post("/api/v2/write?org=o&bucket=b&precision=ms")
                        .header("Authorization", "Token " + ApiClient.BOOTSTRAP_TOKEN).bytes("text/plain", damaged).send();
            }, 204);
        });
    }

    @Test
    void deliveries_and_cdevents_damaged_never_get_a_server_error_and_a_refusal_stores_nothing() {
        CASES.forEach(random -> {
            String version = "1." + random.nextInt(1000) + ".0";
            String[] bodies = {
                    "{\"service\": \"" + service + "\", \"stage\": \"prod\", \"version\": \"" + version + "\", "
                            + "\"status\": \"SUCCEEDED\", \"time\": \"" + recent(random) + "\", \"commit\": \"abc\"}",
                    "{\"service\": \"" + service + "\", \"stage\": \"beta\", \"version\": \"" + version + "\", "
                            + "\"suite\": \"e2e\", \"passed\": " + random.nextInt(100) + ", \"failed\": 0}",
                    "{\"specversion\": \"1.0\", \"id\": \"" + unique("e") + "\", \"source\": \"/argo\", "
                            + "\"type\": \"dev.cdevents.service.deployed.0.2.0\", \"data\": {\"context\": {\"version\": "
                            + "\"0.4.1\", \"id\": \"c\", \"source\": \"/argo\", \"type\": \"dev.cdevents.service.deployed.0.2.0\", "
                            + "\"timestamp\": \"" + recent(random) + "\"}, \"subject\": {\"id\": \"service/" + service + "\", "
                            + "\"content\": {\"environment\": {\"id\": \"prod\"}, \"artifactId\": \"pkg:oci/" + service
                            + "?tag=" + version + "\"}}}}" };
            String[] paths = { "/api/v1/deployments", "/api/v1/test-runs", "/api/v1/cdevents" };
            String[] types = { "application/json", "application/json", "application/cloudevents+json" };
            int which = random.nextInt(3);
            byte[] damaged = damage(random, bodies[which].getBytes(StandardCharsets.UTF_8));
            int deployments = deployments();

            ApiResponse answer = api.post(paths[which]).asAdmin().bytes(types[which], damaged).send();

            String shown = new String(damaged, StandardCharsets.UTF_8);
            assertThat(answer.status()).as("%s answered %s to %s", paths[which], answer.body(), shown).isLessThan(500);
            if (answer.status() >= 400) {
                answer.expectProblem(answer.status());
                assertThat(answer.body()).as(shown).doesNotContain("<", ">");
                assertThat(deployments()).as("deployments after refusing %s", shown).isEqualTo(deployments);
            }
        });
    }

    private interface Sender {
        ApiResponse send(byte[] body);
    }

    /**
     * Sends the body damaged (three times in four) or whole, and checks the answer: never a 5xx;
     * a refusal a problem that stores nothing; a whole body accepted with every point stored.
     */
    private void check(Random random, byte[] body, int points, Sender sender, int accepted) {
        boolean damage = random.nextInt(4) != 0;
        byte[] sent = damage ? damage(random, body) : body;
        long before = storedPoints();

        ApiResponse answer = sender.send(sent);

        String shown = new String(sent, StandardCharsets.UTF_8);
        assertThat(answer.status()).as("%s %s answered %s to %s", answer.method(), answer.path(), answer.body(), shown)
                .isLessThan(500);
        if (answer.status() >= 400) {
            answer.expectProblem(answer.status());
            assertThat(answer.body()).as(shown).doesNotContain("<", ">");
            assertThat(storedPoints()).as("points after refusing %s", shown).isEqualTo(before);
        }
        if (!damage) {
            assertThat(answer.status()).as("%s answered %s to %s", answer.path(), answer.body(), shown).isEqualTo(accepted);
            assertThat(storedPoints()).as("points after accepting %s", shown).isEqualTo(before + points);
        }
    }

    private String jsonPoint(Random random) {
        StringBuilder point = new StringBuilder("{\"metric\": \"fuzz\", \"service\": \"" + service + "\", \"value\": ");
        point.append(switch (random.nextInt(4)) {
            case 0 -> Integer.toString(random.nextInt());
            case 1 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10));
            case 2 -> "0";
            default -> Double.toString(Double.MAX_VALUE * (random.nextBoolean() ? 1 : -1));
        });
        if (random.nextBoolean()) {
            point.append(", \"time\": ").append(random.nextBoolean() ? "\"" + recent(random) + "\""
                    : Long.toString(recent(random).toEpochMilli()));
        }
        if (random.nextBoolean()) {
            point.append(", \"tags\": {\"region\": \"eu-west-").append(random.nextInt(3)).append("\"}");
        }
        return point.append('}').toString();
    }

    private String line(Random random) {
        StringBuilder line = new StringBuilder("fuzz,service=").append(service);
        if (random.nextBoolean()) {
            line.append(",region=eu\\ west\\,").append(random.nextInt(3));
        }
        line.append(" value=").append(switch (random.nextInt(4)) {
            case 0 -> random.nextInt() + "i";
            case 1 -> Double.toString(random.nextGaussian() * 1e6);
            case 2 -> random.nextBoolean() ? "t" : "F";
            default -> Integer.toUnsignedString(random.nextInt()) + "u";
        });
        if (random.nextBoolean()) {
            line.append(' ').append(recent(random).toEpochMilli());
        }
        return line.toString();
    }

    private static Instant recent(Random random) {
        return Instant.now().minus(random.nextInt(3_600_000), ChronoUnit.MILLIS);
    }

    /** One to four kinds of damage: a piece inserted, a byte dropped or replaced, the body cut short. */
    private static byte[] damage(Random random, byte[] body) {
        byte[] damaged = body;
        int rounds = 1 + random.nextInt(4);
        for (int round = 0; round < rounds; round++) {
            int at = random.nextInt(damaged.length + 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(damaged, 0, at);
            switch (random.nextInt(5)) {
                case 0, 1 -> out.writeBytes(INTERESTING[random.nextInt(INTERESTING.length)].getBytes(StandardCharsets.UTF_8));
                case 2 -> out.write(RAW_BYTES[random.nextInt(RAW_BYTES.length)]);
                case 3 -> at = Math.min(at + 1, damaged.length);
                default -> {
                    if (random.nextInt(3) == 0) {
                        damaged = out.toByteArray();
                        continue;
                    }
                }
            }
            out.write(damaged, at, damaged.length - at);
            damaged = out.toByteArray();
        }
        return damaged;
    }

    private long storedPoints() {
        Instant now = Instant.now();
        String window = "&aggregation=count&from=" + now.minus(2, ChronoUnit.DAYS) + "&to=" + now.plus(2, ChronoUnit.DAYS);
        return api.get("/api/v1/metrics/aggregate?metric=fuzz&service=" + service + window).asAdmin().send()
                .expectStatus(200).json().path("count").asLong();
    }

    private int deployments() {
        return api.get("/api/v1/deployments?limit=1000&service=" + service).asAdmin().send().expectStatus(200).json().size()
                + api.get("/api/v1/test-runs?service=" + service).asAdmin().send().expectStatus(200).json().size();
    }
}
