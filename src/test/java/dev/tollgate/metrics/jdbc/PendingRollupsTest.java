package dev.tollgate.metrics.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.tollgate.metrics.MetricPoint;

/** The rollups in memory summarise each minute as adding its values to a summary in order does. */
class PendingRollupsTest {

    private static final Instant HOUR = Instant.parse("2026-11-26T10:00:00Z");
    private static final SeriesKey CHECKOUT = new SeriesKey("latency_ms", "payments", "checkout", "prod");
    private static final SeriesKey REVENUE = new SeriesKey("revenue", "payments", null, null);

    @Test
    void summarises_each_minute_as_adding_its_values_in_order_would() {
        SplittableRandom random = new SplittableRandom(7);
        PendingRollups pending = new PendingRollups();
        Map<SeriesKey, Map<Long, ValueSummary>> expected = new HashMap<>();
        for (int batch = 0; batch < 20; batch++) {
            List<MetricPoint> points = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                SeriesKey key = random.nextBoolean() ? CHECKOUT : REVENUE;
                // Three hours, whole seconds and odd microseconds, repeated times, and a few equal values.
                Instant time = HOUR.plusSeconds(random.nextInt(3 * 3600)).plusNanos(random.nextInt(4) * 250_001_000L);
                double value = random.nextInt(4) == 0 ? 5 : random.nextDouble(-100, 1_000);
                points.add(new MetricPoint(key.metric(), key.team(), key.service(), key.stage(), time, value, null));
                expected.computeIfAbsent(key, any -> new TreeMap<>())
                        .computeIfAbsent(Minutes.of(time), any -> new ValueSummary())
                        .add(value, Minutes.micros(time));
            }
            pending.add(batch, points);
        }

        Map<SeriesKey, Map<Long, ValueSummary>> summarised = new HashMap<>();
        pending.forEachHour((key, hour, minutes) -> {
            for (int slot = 0; slot < minutes.length; slot++) {
                if (minutes[slot] != null) {
                    summarised.computeIfAbsent(key, any -> new TreeMap<>()).put(hour * 60 + slot, minutes[slot]);
                }
            }
        });

        assertSameSummaries(summarised, expected);
        assertThat(pending.pointCount()).isEqualTo(6_000);
        assertThat(pending.batchCount()).isEqualTo(20);
        assertThat(pending.rowCount()).isEqualTo(6);
        assertThat(pending.minuteCount()).isEqualTo(expected.values().stream().mapToLong(Map::size).sum());
    }

    /** Series are found by string identity first: equal strings of other instances must still meet. */
    @Test
    void puts_points_of_equal_but_distinct_strings_in_one_series() {
        PendingRollups pending = new PendingRollups();
        List<MetricPoint> points = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            points.add(new MetricPoint(copy(CHECKOUT.metric()), copy(CHECKOUT.team()), copy(CHECKOUT.service()),
                    copy(CHECKOUT.stage()), HOUR.plusSeconds(i), i, null));
        }
        pending.add(1, points.subList(0, 2));
        pending.add(2, points.subList(2, 3));

        assertThat(pending.seriesKeys()).containsExactly(CHECKOUT);
        assertThat(pending.minuteCount()).isEqualTo(1);
        List<Long> counts = new ArrayList<>();
        pending.forEachMinute(CHECKOUT, Minutes.of(HOUR), Minutes.of(HOUR) + 1,
                (summary, minute) -> counts.add(summary.count()));
        assertThat(counts).containsExactly(3L);
    }

    private static String copy(String value) {
        return new String(value.toCharArray());
    }

    @Test
    void reads_the_minutes_of_a_window_only() {
        PendingRollups pending = new PendingRollups();
        List<MetricPoint> points = new ArrayList<>();
        for (int minute = 0; minute < 180; minute++) {
            points.add(new MetricPoint("revenue", "payments", null, null, HOUR.plusSeconds(minute * 60L + 30), minute,
                    null));
        }
        pending.add(1, points);
        long first = Minutes.of(HOUR);

        List<Long> read = new ArrayList<>();
        pending.forEachMinute(REVENUE, first + 59, first + 121, (summary, minute) -> {
            assertThat(summary.sum()).isEqualTo(minute - first);
            read.add(minute - first);
        });

        assertThat(read).hasSize(62).startsWith(59L, 60L).endsWith(119L, 120L);
    }

    @Test
    void absorbed_values_are_the_newer_and_win_a_tie_for_the_last_value() {
        PendingRollups older = new PendingRollups();
        older.add(1, List.of(point(HOUR, 1), point(HOUR.plusSeconds(3600), 2)));
        PendingRollups newer = new PendingRollups();
        newer.add(2, List.of(point(HOUR, 3), point(HOUR.plusSeconds(60), 4)));

        older.absorb(newer);

        ValueSummary[] firstHour = new ValueSummary[60];
        older.forEachHour((key, hour, minutes) -> {
            if (hour == Minutes.hourOf(Minutes.of(HOUR))) {
                System.arraycopy(minutes, 0, firstHour, 0, 60);
            }
        });
        assertThat(firstHour[0].count()).isEqualTo(2);
        assertThat(firstHour[0].lastValue()).isEqualTo(3);
        assertThat(firstHour[0].sketch()).isEqualTo(sketchOf(1, 3));
        assertThat(firstHour[1].lastValue()).isEqualTo(4);
        assertThat(older.batchIds()).containsExactly(1, 2);
        assertThat(older.pointCount()).isEqualTo(4);
        assertThat(older.rowCount()).isEqualTo(2);
        assertThat(older.minuteCount()).isEqualTo(3);
    }

    private static void assertSameSummaries(Map<SeriesKey, Map<Long, ValueSummary>> actual,
            Map<SeriesKey, Map<Long, ValueSummary>> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, minutes) -> {
            assertThat(actual.get(key).keySet()).isEqualTo(minutes.keySet());
            minutes.forEach((minute, summary) -> {
                ValueSummary made = actual.get(key).get(minute);
                assertThat(made.count()).isEqualTo(summary.count());
                assertThat(made.sum()).isEqualTo(summary.sum());
                assertThat(made.min()).isEqualTo(summary.min());
                assertThat(made.max()).isEqualTo(summary.max());
                assertThat(made.lastValue()).isEqualTo(summary.lastValue());
                assertThat(made.lastTime()).isEqualTo(summary.lastTime());
                assertThat(made.sketch()).isEqualTo(summary.sketch());
            });
        });
    }

    private static MetricPoint point(Instant time, double value) {
        return new MetricPoint(REVENUE.metric(), REVENUE.team(), null, null, time, value, null);
    }

    private static PercentileSketch sketchOf(double... values) {
        PercentileSketch sketch = new PercentileSketch();
        for (double value : values) {
            sketch.add(value);
        }
        return sketch;
    }
}
