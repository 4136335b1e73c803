package dev.tollgate.metrics.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tollgate.metrics.MetricPoint;

class SeriesByIdentityTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private static MetricPoint point(String metric, String team, String service, String stage) {
        return new MetricPoint(metric, team, service, stage, NOW, 1, Map.of());
    }

    @Test
    void finds_every_series_put_while_it_grows() {
        SeriesByIdentity<Integer> table = new SeriesByIdentity<>(16);
        MetricPoint[] points = new MetricPoint[5_000];
        for (int i = 0; i < points.length; i++) {
            points[i] = point("latency_ms", "team-" + i % 20, "service-" + i, i % 2 == 0 ? "prod" : null);
            assertThat(table.get(points[i])).isNull();
            table.put(points[i], i);
        }
        for (int i = 0; i < points.length; i++) {
            MetricPoint same = point(points[i].metric(), points[i].team(), points[i].service(), points[i].stage());
            assertThat(table.get(same)).isEqualTo(i);
        }
    }

    @Test
    void tells_equal_strings_that_are_not_the_same_instance_apart() {
        SeriesByIdentity<String> table = new SeriesByIdentity<>(16);
        String service = "checkout";
        table.put(point("errors", "payments", service, "prod"), "first");

        MetricPoint copy = point("errors", "payments", new String(service.toCharArray()), "prod");
        assertThat(table.get(copy)).isNull();
        assertThat(table.get(point("errors", "payments", service, "beta"))).isNull();
        assertThat(table.get(point("errors", "payments", service, "prod"))).isEqualTo("first");
    }

    @Test
    void starts_over_rather_than_grow_without_bound() {
        SeriesByIdentity<Integer> table = new SeriesByIdentity<>(16);
        MetricPoint first = point("errors", null, "first", null);
        table.put(first, 0);
        for (int i = 1; i <= 1 << 16; i++) {
            table.put(point("errors", null, "service-" + i, null), i);
        }
        assertThat(table.get(first)).isNull();
    }
}
