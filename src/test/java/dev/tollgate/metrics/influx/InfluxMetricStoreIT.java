package dev.tollgate.metrics.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.tollgate.catalog.Aggregation;
import dev.tollgate.metrics.MetricPoint;
import dev.tollgate.metrics.MetricSelector;
import dev.tollgate.metrics.MetricStore;
import dev.tollgate.metrics.MetricStoreContract;
import dev.tollgate.metrics.MetricStoreUnavailableException;
import dev.tollgate.testing.InfluxTestServer;

/** The store contract on a real InfluxDB 1.x, plus how the adapter behaves when InfluxDB is gone. */
class InfluxMetricStoreIT extends MetricStoreContract {

    private String database;

    @Override
    protected MetricStore openStore() {
        database = "tollgate_test_" + UUID.randomUUID().toString().replace("-", "");
        InfluxMetricStore store = new InfluxMetricStore(
                new InfluxProperties(InfluxTestServer.url(), database, null, null, Duration.ofSeconds(10)));
        store.createDatabase();
        return store;
    }

    @Override
    protected MetricStore restart(MetricStore store) {
        // InfluxDB keeps every acknowledged write itself: there is nothing to move.
        return store;
    }

    @Override
    protected void closeStore(MetricStore store) {
        ((InfluxMetricStore) store).dropDatabase();
        ((InfluxMetricStore) store).close();
    }

    @Test
    void fails_fast_and_clearly_when_influxdb_does_not_answer() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        InfluxMetricStore gone = new InfluxMetricStore(new InfluxProperties("http://127.0.0.1:" + closedPort, "x", null,
                null, Duration.ofMillis(500)));
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> gone.aggregate(MetricSelector.ofService("errors", "svc", null), Aggregation.SUM,
                    Instant.parse("2026-03-02T10:00:00Z"), Instant.parse("2026-03-02T11:00:00Z")))
                    .isInstanceOf(MetricStoreUnavailableException.class).hasMessageContaining("InfluxDB");
            assertThatThrownBy(() -> gone.write(List.of(new MetricPoint("errors", null, "svc", null,
                    Instant.parse("2026-03-02T10:00:00Z"), 1, Map.of()))))
                    .isInstanceOf(MetricStoreUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        } finally {
            gone.close();
        }
    }
}
