package dev.tollgate.metrics.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tollgate.metrics.MetricPoint;

/** Every point gets the number of its series, however its strings were made. */
class BatchSeriesTest {

    private static final Instant TIME = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void numbers_series_in_the_order_they_first_appear_whether_or_not_points_share_their_strings() {
        List<MetricPoint> points = List.of(
                point("errors", "payments", "checkout", "prod"),
                point("errors", null, "checkout", null),
                // Equal strings, other instances: a JSON body or a later request.
                point(new String("errors"), new String("payments"), new String("checkout"), new String("prod")),
                point("latency", "payments", null, null),
                point("errors", null, "checkout", null));

        BatchSeries batch = BatchSeries.of(points);

        assertThat(batch.series()).containsExactly(new SeriesKey("errors", "payments", "checkout", "prod"),
                new SeriesKey("errors", null, "checkout", null), new SeriesKey("latency", "payments", null, null));
        assertThat(List.of(batch.seriesOf(0), batch.seriesOf(1), batch.seriesOf(2), batch.seriesOf(3),
                batch.seriesOf(4))).containsExactly(0, 1, 0, 2, 1);
    }

    @Test
    void numbers_more_series_than_its_table_of_instances_holds() {
        List<MetricPoint> points = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int service = 0; service < 10_000; service++) {
                points.add(point("errors", "payments", "svc-" + service, "prod"));
            }
        }

        BatchSeries batch = BatchSeries.of(points);

        assertThat(batch.series()).hasSize(10_000);
        for (int i = 0; i < points.size(); i++) {
            assertThat(batch.series().get(batch.seriesOf(i))).isEqualTo(SeriesKey.of(points.get(i)));
        }
    }

    private static MetricPoint point(String metric, String team, String service, String stage) {
        return new MetricPoint(metric, team, service, stage, TIME, 1, null);
    }
}
