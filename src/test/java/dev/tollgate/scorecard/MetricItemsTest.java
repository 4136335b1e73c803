package dev.tollgate.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tollgate.catalog.Aggregation;
import dev.tollgate.metrics.SeriesPoint;

class MetricItemsTest {

    private static final List<SeriesPoint> BUCKETS = List.of(new SeriesPoint(Instant.parse("2026-11-26T00:00:00Z"), 4),
            new SeriesPoint(Instant.parse("2026-11-26T06:00:00Z"), 9), new SeriesPoint(Instant.parse("2026-11-26T12:00:00Z"), 2));

    @Test
    void sums_extremes_and_last_values_are_read_from_the_sparkline_buckets() {
        assertThat(MetricItems.fromBuckets(Aggregation.SUM, BUCKETS)).contains(15.0);
        assertThat(MetricItems.fromBuckets(Aggregation.MIN, BUCKETS)).contains(2.0);
        assertThat(MetricItems.fromBuckets(Aggregation.MAX, BUCKETS)).contains(9.0);
        assertThat(MetricItems.fromBuckets(Aggregation.LAST, BUCKETS)).contains(2.0);
    }

    @Test
    void averages_and_percentiles_are_not_read_from_buckets_which_cannot_hold_them() {
        assertThat(MetricItems.fromBuckets(Aggregation.AVG, BUCKETS)).isEmpty();
        assertThat(MetricItems.fromBuckets(Aggregation.P99, BUCKETS)).isEmpty();
    }
}
