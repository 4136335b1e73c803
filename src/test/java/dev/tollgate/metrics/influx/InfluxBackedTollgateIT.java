package dev.tollgate.metrics.influx;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.tollgate.metrics.MetricStore;
import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.InfluxTestServer;

/** With {@code tollgate.influx.url} set, Tollgate writes and reads time series in InfluxDB. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InfluxBackedTollgateIT {

    @DynamicPropertySource
    static void influx(DynamicPropertyRegistry properties) {
        properties.add("tollgate.influx.url", InfluxTestServer::url);
        properties.add("tollgate.influx.database", () -> "tollgate_app_" + System.nanoTime());
    }

    @LocalServerPort
    int port;

    @Autowired
    MetricStore store;

    @Test
    void stores_ingested_points_in_influxdb_and_answers_reads_from_it() {
        assertThat(store).isInstanceOf(InfluxMetricStore.class);
        ApiClient api = new ApiClient(port);
        String team = api.createTeam(unique("influx"));
        String service = api.createService(unique("svc"), team, "prod");
        String token = api.createToken(null, "ingest");
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);

        api.post("/api/v1/write?precision=s").token(token).body("text/plain",
                "errors,service=" + service + ",stage=prod value=2 " + start.plusSeconds(60).getEpochSecond() + "\n"
                        + "errors,service=" + service + ",stage=prod value=3 " + start.plusSeconds(60).getEpochSecond())
                .send().expectStatus(204);

        var sum = api.get("/api/v1/metrics/aggregate?metric=errors&service=" + service + "&aggregation=sum&from=" + start
                + "&to=" + start.plus(1, ChronoUnit.HOURS)).asAdmin().send().expectStatus(200).json();
        assertThat(sum.path("value").asDouble()).isEqualTo(5.0);
        assertThat(sum.path("count").asLong()).isEqualTo(2);
    }
}
