package dev.tollgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.tollgate.metrics.MetricStore;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.InfluxTestServer;
import tools.jackson.databind.JsonNode;

/**
 * {@link GateScenario} with the metrics in InfluxDB (an influxd of this class's own), and what
 * the gate does when InfluxDB is gone or hangs: STOP, with the reason, within two seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GateScenarioOnInfluxIT extends GateScenario {

    private static final Duration WITHIN = Duration.ofSeconds(2);
    private static InfluxTestServer.Own influx;

    /** Before the context starts, so that a machine without influxd skips this class (or fails on CI) with instructions. */
    @BeforeAll
    static void startInflux() {
        influx = InfluxTestServer.Own.start();
    }

    @DynamicPropertySource
    static void influx(DynamicPropertyRegistry properties) {
        properties.add("tollgate.influx.url", () -> influx.url());
    }

    @LocalServerPort
    int port;

    @Autowired
    MetricStore store;

    @Override
    protected int port() {
        return port;
    }

    @Test
    void reads_its_metrics_from_influxdb() {
        assertThat(store.getClass().getSimpleName()).isEqualTo("InfluxMetricStore");
    }

    @Test
    void with_influxdb_stopped_the_verdict_is_stop_with_the_reason_within_two_seconds() {
        String service = readyInGamma(10_000, 3);
        influx.stop();
        try {
            assertStopsInTime(service);
        } finally {
            influx.run();
        }
        // And once InfluxDB is back, the gate reads it again by itself.
        assertThat(ask(service, "1.4.2", "prod", false).expectStatus(201).json().path("verdict").asString())
                .isEqualTo("PROMOTE");
    }

    @Test
    void with_influxdb_hanging_the_verdict_is_stop_with_the_reason_within_two_seconds() {
        String service = readyInGamma(10_000, 3);
        influx.pause();
        try {
            assertStopsInTime(service);
        } finally {
            influx.resume();
        }
    }

    private void assertStopsInTime(String service) {
        long started = System.nanoTime();
        ApiResponse answer = ask(service, "1.4.2", "prod", true);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        answer.expectStatus(409);
        JsonNode evaluation = answer.json();
        assertThat(evaluation.path("verdict").asString()).isEqualTo("STOP");
        JsonNode errorRate = StreamSupport.stream(evaluation.path("results").spliterator(), false)
                .filter(result -> result.path("rule").asString().endsWith("-error-rate")).findFirst().orElseThrow();
        assertThat(errorRate.path("status").asString()).isEqualTo("ERROR");
        assertThat(errorRate.path("message").asString()).containsAnyOf("metric store", "InfluxDB").doesNotContain("Exception", "http:");
        assertThat(took).isLessThan(WITHIN);
    }
}
