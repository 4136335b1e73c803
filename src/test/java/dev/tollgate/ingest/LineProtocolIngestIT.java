package dev.tollgate.ingest;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.Gzip;
import dev.tollgate.testing.HttpApiTest;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.influx.InfluxApiVersion;
import io.micrometer.influx.InfluxConfig;
import io.micrometer.influx.InfluxMeterRegistry;

/** API.md "Ingestion": the line protocol at Tollgate's path and at both InfluxDB generations' paths. */
@HttpApiTest
class LineProtocolIngestIT {

    @LocalServerPort
    int port;

    private ApiClient api;
    private String service;
    private String token;
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);

    @BeforeEach
    void catalog() {
        api = new ApiClient(port);
        String team = api.createTeam(unique("lines"));
        service = api.createService(unique("svc"), team, "gamma", "prod");
        token = api.createToken(null, "ingest");
    }

    private double sum(String metric, String stage) {
        return api.get("/api/v1/metrics/aggregate?metric=" + metric + "&service=" + service
                + (stage == null ? "" : "&stage=" + stage) + "&aggregation=sum&from=" + start + "&to="
                + start.plus(1, ChronoUnit.HOURS)).asAdmin().send().expectStatus(200).json().path("value").asDouble();
    }

    private long count(String metric) {
        return api.get("/api/v1/metrics/aggregate?metric=" + metric + "&service=" + service + "&aggregation=count&from="
                + start + "&to=" + start.plus(1, ChronoUnit.HOURS)).asAdmin().send().expectStatus(200).json()
                .path("count").asLong();
    }

    private String at(long seconds) {
        return Long.toString(start.plusSeconds(seconds).getEpochSecond());
    }

    @Test
    void maps_the_value_field_to_the_measurement_and_other_fields_to_measurement_dot_field() {
        api.post("/api/v1/write?precision=s").token(token).body("text/plain",
                "http,service=" + service + ",stage=prod,region=eu value=3,errors=1i,ok=true,note=\"hi\" " + at(60) + "\n"
                        + "http,service=" + service + ",env=gamma value=5 " + at(120) + "\n")
                .send().expectStatus(204);

        assertThat(sum("http", "prod")).isEqualTo(3.0);
        assertThat(sum("http", "gamma")).isEqualTo(5.0);
        assertThat(sum("http.errors", null)).isEqualTo(1.0);
        assertThat(sum("http.ok", null)).isEqualTo(1.0);
        assertThat(count("http.note")).isZero();
    }

    @Test
    void takes_influxdb_1_writes_with_the_token_as_password() {
        api.post("/write?db=telegraf&precision=s&u=telegraf&p=" + token).body("text/plain",
                "cpu,service=" + service + " value=0.5 " + at(60)).send().expectStatus(204);
        assertThat(sum("cpu", null)).isEqualTo(0.5);
        api.post("/write?db=telegraf&precision=s&u=telegraf&p=wrong").body("text/plain",
                "cpu,service=" + service + " value=0.5 " + at(60)).send().expectProblem(401);
    }

    @Test
    void takes_influxdb_2_writes_with_the_token_scheme() {
        api.post("/api/v2/write?org=o&bucket=b&precision=s").header("Authorization", "Token " + token)
                .body("text/plain", "mem,service=" + service + " value=7 " + at(60)).send().expectStatus(204);
        assertThat(sum("mem", null)).isEqualTo(7.0);
        api.post("/api/v2/write?org=o&bucket=b&precision=h").header("Authorization", "Token " + token)
                .body("text/plain", "mem,service=" + service + " value=7 1").send().expectRefusedAt("precision");
    }

    @Test
    void stores_every_line_of_a_gzip_body_that_decompresses_to_many_times_its_declared_length() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            lines.append("jobs,service=").append(service).append(",stage=prod value=1 ").append(at(i)).append('\n');
        }
        byte[] compressed = Gzip.compress(lines.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(compressed.length * 10).isLessThan(lines.length());

        api.post("/api/v1/write?precision=s").token(token).header("Content-Encoding", "gzip")
                .bytes("text/plain", compressed).send().expectStatus(204);

        assertThat(count("jobs")).isEqualTo(3_000);
    }

    @Test
    void names_the_bad_line_and_stores_nothing_of_the_request() {
        ApiResponse refused = api.post("/api/v1/write?precision=s").token(token).body("text/plain",
                "disk,service=" + service + " value=1 " + at(60) + "\n"
                        + "disk,service=" + service + " value=abc " + at(61) + "\n"
                        + "disk,service=" + service + " value=2 " + at(62) + "\n").send().expectProblem(400);

        assertThat(refused.json().path("errors").path(0).path("line").asInt()).isEqualTo(2);
        assertThat(refused.json().path("errors").size()).isEqualTo(1);
        assertThat(count("disk")).isZero();
    }

    @Test
    void refuses_a_line_without_a_service_or_team() {
        ApiResponse refused = api.post("/api/v1/write").token(token).body("text/plain", "disk value=1").send()
                .expectProblem(400);
        assertThat(refused.json().path("errors").path(0).path("line").asInt()).isEqualTo(1);
    }

    @Test
    void takes_the_meters_micrometer_pushes_with_its_influx_registry() {
        String base = "http://localhost:" + port;
        InfluxConfig config = new InfluxConfig() {
            private final Map<String, String> settings = Map.of(
                    "influx.uri", base,
                    "influx.db", "tollgate",
                    "influx.userName", "micrometer",
                    "influx.password", token,
                    "influx.apiVersion", "v1",
                    "influx.step", "PT10S",
                    "influx.autoCreateDb", "true");

            @Override
            public String get(String key) {
                return settings.get(key);
            }

            @Override
            public InfluxApiVersion apiVersion() {
                return InfluxApiVersion.V1;
            }
        };
        InfluxMeterRegistry registry = new InfluxMeterRegistry(config, Clock.SYSTEM);
        try {
            // Micrometer's meters become line protocol; a common tag places them on the service.
            registry.config().commonTags("service", service, "stage", "prod");
            Counter.builder("checkout_clicks").register(registry).increment(5);
            registry.close();
        } finally {
            registry.close();
        }
        Instant now = Instant.now();
        double stored = api.get("/api/v1/metrics/aggregate?metric=checkout_clicks&service=" + service
                + "&aggregation=count&from=" + now.minus(Duration.ofMinutes(10)) + "&to=" + now.plus(Duration.ofMinutes(2)))
                .asAdmin().send().expectStatus(200).json().path("count").asDouble();
        assertThat(stored).isPositive();
    }
}
