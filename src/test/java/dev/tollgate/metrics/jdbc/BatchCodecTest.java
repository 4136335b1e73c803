package dev.tollgate.metrics.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tollgate.metrics.MetricPoint;

class BatchCodecTest {

    private static final Instant TIME = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void gives_back_every_point_as_it_was_written() {
        List<MetricPoint> points = List.of(
                new MetricPoint("errors", "payments", "checkout", "prod", TIME, 3, Map.of("region", "eu-west-1")),
                new MetricPoint("latency_ms", "payments", "checkout", null, TIME.plusNanos(123_456_789), 12.75,
                        Map.of("region", "eu-west-1", "host", "a-1")),
                new MetricPoint("revenue", "payments", null, null, TIME.minusSeconds(86_400 * 400), -1e-7, Map.of()),
                new MetricPoint("ünïcode.metric", null, "orphan", "beta", Instant.parse("1969-12-31T23:59:59.5Z"),
                        -0.0, Map.of("ключ", "значение")),
                new MetricPoint("big", null, "orphan", "beta", TIME, 9.007199254740993E15, null),
                new MetricPoint("big", null, "orphan", "beta", TIME, -4503599627370495.0, null),
                new MetricPoint("tiny", null, "orphan", "beta", TIME, Double.MIN_VALUE, null),
                new MetricPoint("errors", "payments", "checkout", "prod", TIME.plusSeconds(10), 4,
                        Map.of("region", "eu-west-1")));

        List<MetricPoint> decoded = BatchCodec.decode(BatchCodec.encode(points));

        assertThat(decoded).isEqualTo(points);
        assertThat(Double.doubleToRawLongBits(decoded.get(3).value())).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void a_request_of_fifteen_thousand_points_over_a_thousand_series_takes_a_few_bytes_a_point() {
        List<MetricPoint> points = new ArrayList<>();
        for (int line = 0; line < 5_000; line++) {
            String service = "service-" + (line % 1_000);
            Instant time = TIME.plusSeconds(line / 1_000 * 10);
            Map<String, String> tags = Map.of("host", "host-" + (line % 50));
            points.add(new MetricPoint("requests", "team-" + (line % 40), service, "prod", time, 1_000 + line % 97, tags));
            points.add(new MetricPoint("errors", "team-" + (line % 40), service, "prod", time, line % 3, tags));
            points.add(new MetricPoint("latency_ms", "team-" + (line % 40), service, "prod", time,
                    20 + (line * 7919 % 1_000) / 10.0, tags));
        }

        byte[] encoded = BatchCodec.encode(points);

        assertThat(BatchCodec.decode(encoded)).isEqualTo(points);
        assertThat(encoded.length).as("bytes for 15,000 points").isLessThan(15_000 * 4);
    }

    @Test
    void refuses_a_payload_that_is_not_a_batch() {
        byte[] encoded = BatchCodec.encode(List.of(new MetricPoint("m", "t", null, null, TIME, 1, null)));
        assertThatThrownBy(() -> BatchCodec.decode(new byte[] { 9, 1, 2 })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BatchCodec.decode(Arrays.copyOf(encoded, encoded.length - 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
