package dev.tollgate.metrics.influx;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.InfluxTestServer;
import dev.tollgate.testing.OutageDrill;
import dev.tollgate.testing.SustainedLoad;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6, "InfluxDB stopped and started under load": the metric store on an influxd of this
 * class's own, stopped while clients ingest and ask the gate, and started again. Ingest answers
 * 503 problems with {@code Retry-After}; the gate, whose database is fine, decides and records
 * STOP with the reason within two seconds (issue 4); health shows influx DOWN; once influxd is
 * back, both serve again with no restart, and every acknowledged point is in InfluxDB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InfluxOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(6);
    private static final Duration GATE_WITHIN = Duration.ofSeconds(2);
    private static InfluxTestServer.Own influxd;

    /** The server this test stops; started before the context, which would otherwise fail where skipping is due. */
    @BeforeAll
    static void startInfluxd() {
        influxd = InfluxTestServer.Own.start();
    }

    @DynamicPropertySource
    static void metricStoreOnInfluxd(DynamicPropertyRegistry properties) {
        properties.add("tollgate.influx.url", () -> influxd.url());
    }

    @LocalServerPort
    int port;

    @Test
    void while_influxdb_is_stopped_ingest_answers_503_the_gate_stops_and_both_recover_by_themselves() throws Exception {
        ApiClient api = new ApiClient(port);
        String team = api.createTeam(unique("outage"));
        String service = api.createService(unique("ledger"), team, "beta", "prod");
        // A rule that reads InfluxDB and passes while it can: what the gate says when it cannot is the point.
        api.put("/api/v1/rules/" + service + "-errors").asAdmin().json("""
                {"name": "errors", "scope": {"service": "%s"}, "stages": ["prod"], "kind": "THRESHOLD",
                 "params": {"metric": "%s", "aggregation": "sum", "window": "PT1H", "operator": ">", "threshold": 1e12},
                 "onNoData": "PASS"}""".formatted(service, OutageDrill.METRIC)).send().expectStatus(201);
        ApiResponse[] health = new ApiResponse[1];
        OutageDrill drill = OutageDrill.on(api, team, service).run(new OutageDrill.Outage() {
            @Override
            public void begin() {
                influxd.stop();
            }

            @Override
            public void end() {
                influxd.run();
            }
        }, OUTAGE, () -> health[0] = api.get("/actuator/health").send());

        drill.assertEveryAnswerClean();
        drill.assertDuring("ingest", answer -> answer.status() == 503
                && answer.response().json().path("detail").asString().contains("InfluxDB"), "503 naming InfluxDB");
        drill.assertDuring("gate", InfluxOutageIT::isRecordedStopNamingInflux,
                "201 with verdict STOP and InfluxDB as the reason, within " + GATE_WITHIN);
        assertThat(drill.of("gate")).as("gate answers").allMatch(answer -> answer.status() == 201);
        assertThat(health[0].status()).as("health during the outage: %s", health[0].body()).isEqualTo(503);
        JsonNode component = health[0].json().path("components").path("influx");
        assertThat(component.path("status").asString()).isEqualTo("DOWN");
        assertThat(component.path("description").asString()).startsWith("InfluxDB does not answer")
                .doesNotContain("http:", "Exception");

        assertThat(drill.recovery()).as("time to serve again").isLessThan(OutageDrill.MAX_RECOVERY);
        drill.assertAcknowledgedPointsPresent();
        assertThat(api.get("/actuator/health").send().status()).as("health once back").isEqualTo(200);
    }

    private static boolean isRecordedStopNamingInflux(SustainedLoad.Answer answer) {
        JsonNode evaluation = answer.response().json();
        return answer.status() == 201 && answer.took().compareTo(GATE_WITHIN) < 0
                && evaluation.path("verdict").asString().equals("STOP")
                && evaluation.path("results").path(0).path("status").asString().equals("ERROR")
                && evaluation.path("results").path(0).path("message").asString().contains("InfluxDB");
    }
}
