package dev.tollgate.metrics;

import static dev.tollgate.catalog.Aggregation.AVG;
import static dev.tollgate.catalog.Aggregation.COUNT;
import static dev.tollgate.catalog.Aggregation.LAST;
import static dev.tollgate.catalog.Aggregation.MAX;
import static dev.tollgate.catalog.Aggregation.MIN;
import static dev.tollgate.catalog.Aggregation.P50;
import static dev.tollgate.catalog.Aggregation.P90;
import static dev.tollgate.catalog.Aggregation.P95;
import static dev.tollgate.catalog.Aggregation.P99;
import static dev.tollgate.catalog.Aggregation.RATE;
import static dev.tollgate.catalog.Aggregation.SUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

import dev.tollgate.catalog.Aggregation;

/**
 * What every {@link MetricStore} adapter answers, on a real server: written once, run by each
 * adapter's {@code ...OnH2IT}, {@code ...OnPostgresIT} or InfluxDB test. Expected figures are
 * computed by hand. Every figure is checked twice: right after the write (read-your-writes), and
 * again after {@link #restart}, when the store answers from what it keeps for good.
 *
 * <p>Tests share one store per class and keep apart by names of their own ({@link #unique}). Times
 * are whole minutes, the finest resolution the port lets an adapter keep.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MetricStoreContract {

    private static final String DAY = "2026-03-02T";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private MetricStore store;
    /** Why the server is missing; each test reports it, so that none is skipped silently. */
    private TestAbortedException unavailable;

    /** A store on empty storage of this test class's own; called once, before the tests. */
    protected abstract MetricStore openStore();

    /**
     * The store as it comes back after a restart: whatever it holds only in memory moved to where
     * it keeps points for good, then a new instance on the same storage. An adapter without such
     * a notion answers {@code store} itself.
     */
    protected abstract MetricStore restart(MetricStore store);

    /** Releases the store and its storage after the tests. */
    protected void closeStore(MetricStore store) {
    }

    @BeforeAll
    void open() {
        try {
            store = openStore();
        } catch (TestAbortedException e) {
            unavailable = e;
        }
    }

    @AfterAll
    void close() {
        if (store != null) {
            closeStore(store);
        }
    }

    @BeforeEach
    void requireStore() {
        if (unavailable != null) {
            Assumptions.abort(unavailable.getMessage());
        }
    }

    // Each aggregation.

    @Test
    public void sums_counts_and_averages_the_values_of_a_window() {
        String service = unique("checkout");
        write(point("errors", "payments", service, "prod", "10:00:00", 4),
                point("errors", "payments", service, "prod", "10:15:00", -2),
                point("errors", "payments", service, "prod", "10:30:30", 10),
                point("errors", "payments", service, "prod", "10:59:59", 0.5));
        MetricSelector errors = MetricSelector.ofService("errors", service, "prod");

        verify(() -> {
            assertAggregate(errors, SUM, "10:00", "11:00", 12.5, 4);
            assertAggregate(errors, COUNT, "10:00", "11:00", 4, 4);
            assertAggregate(errors, AVG, "10:00", "11:00", 3.125, 4);
            assertAggregate(errors, MIN, "10:00", "11:00", -2, 4);
            assertAggregate(errors, MAX, "10:00", "11:00", 10, 4);
            assertAggregate(errors, LAST, "10:00", "11:00", 0.5, 4);
        });
    }

    @Test
    public void rate_is_the_sum_per_second_of_the_window() {
        String service = unique("checkout");
        write(point("requests", "payments", service, "prod", "10:05:00", 1_800),
                point("requests", "payments", service, "prod", "10:35:00", 1_800));
        MetricSelector requests = MetricSelector.ofService("requests", service, "prod");

        verify(() -> {
            assertAggregate(requests, RATE, "10:00", "11:00", 1.0, 2);
            assertAggregate(requests, RATE, "10:00", "10:30", 1_800 / 1_800.0, 1);
            assertThat(aggregate(requests, RATE, "00:00", "2026-03-03T00:00").value())
                    .isCloseTo(3_600 / 86_400.0, within(1e-12));
        });
    }

    @Test
    public void last_is_the_value_with_the_latest_time_not_the_value_written_last() {
        String service = unique("checkout");
        write(point("availability", "payments", service, "prod", "10:50:00", 99.5));
        write(point("availability", "payments", service, "prod", "10:40:00", 97.0),
                point("availability", "payments", service, "prod", "09:10:00", 90.0));
        MetricSelector availability = MetricSelector.ofService("availability", service, "prod");

        verify(() -> {
            assertAggregate(availability, LAST, "09:00", "11:00", 99.5, 3);
            assertAggregate(availability, LAST, "09:00", "10:45", 97.0, 2);
            assertAggregate(availability, LAST, "09:00", "10:00", 90.0, 1);
        });
    }

    // Windows.

    @Test
    public void windows_include_their_start_and_exclude_their_end() {
        String service = unique("checkout");
        write(point("errors", "payments", service, "prod", "09:59:59", 1),
                point("errors", "payments", service, "prod", "10:00:00", 10),
                point("errors", "payments", service, "prod", "10:59:59", 100),
                point("errors", "payments", service, "prod", "11:00:00", 1_000));
        MetricSelector errors = MetricSelector.ofService("errors", service, "prod");

        verify(() -> {
            assertAggregate(errors, SUM, "10:00", "11:00", 110, 2);
            assertAggregate(errors, SUM, "11:00", "12:00", 1_000, 1);
            assertAggregate(errors, SUM, "09:00", "10:00", 1, 1);
            assertAggregate(errors, SUM, "10:01", "10:59", null, 0);
            assertAggregate(errors, SUM, "10:59", "11:01", 1_100, 2);
        });
    }

    @Test
    public void a_window_without_points_has_count_zero_and_no_value() {
        String service = unique("checkout");
        write(point("errors", "payments", service, "prod", "10:00:00", 4));

        verify(() -> {
            for (Aggregation aggregation : Aggregation.values()) {
                assertThat(aggregate(MetricSelector.ofService("errors", service, "prod"), aggregation, "12:00", "13:00"))
                        .as(aggregation.wireName()).isEqualTo(MetricAggregate.EMPTY);
                assertThat(aggregate(MetricSelector.ofService("errors", unique("nobody"), null), aggregation, "09:00",
                        "11:00")).as(aggregation.wireName()).isEqualTo(MetricAggregate.EMPTY);
                assertThat(aggregate(MetricSelector.ofService("no_such_metric", service, null), aggregation, "09:00",
                        "11:00")).as(aggregation.wireName()).isEqualTo(MetricAggregate.EMPTY);
            }
            assertThat(aggregate(MetricSelector.ofService("errors", service, "prod"), SUM, "10:00", "10:00"))
                    .isEqualTo(MetricAggregate.EMPTY);
            assertThat(series(MetricSelector.ofService("errors", service, "prod"), SUM, "12:00", "13:00",
                    Duration.ofMinutes(1))).isEmpty();
        });
    }

    @Test
    public void a_window_of_days_adds_up_every_hour_and_the_hours_it_cuts_minute_by_minute() {
        String service = unique("checkout");
        List<MetricPoint> points = new ArrayList<>();
        // Every ten minutes for three days from midnight: the value is the minute of the day.
        for (int minute = 0; minute < 3 * 1_440; minute += 10) {
            points.add(new MetricPoint("requests", "payments", service, "prod", time("00:00").plusSeconds(minute * 60L),
                    minute % 1_440, Map.of()));
        }
        write(points);
        MetricSelector requests = MetricSelector.ofService("requests", service, "prod");
        // Each day: 144 points, values 0, 10, ..., 1430 adding up to 102,960.
        verify(() -> {
            assertAggregate(requests, SUM, "00:00", "2026-03-05T00:00", 3 * 102_960, 432);
            assertAggregate(requests, COUNT, "00:00", "2026-03-04T00:00", 288, 288);
            // From 10:30 on day one (values 630 ... 1430: 81 points, 83,430) to 07:20 on day three
            // (values 0 ... 430: 44 points, 9,460), with all of day two between (102,960).
            assertAggregate(requests, SUM, "10:30", "2026-03-04T07:20", 83_430 + 102_960 + 9_460, 81 + 144 + 44);
            assertAggregate(requests, MAX, "10:30", "2026-03-04T07:20", 1_430, 81 + 144 + 44);
            assertAggregate(requests, MIN, "10:30", "2026-03-03T00:00", 630, 81);
            assertAggregate(requests, LAST, "10:30", "2026-03-04T07:20", 430, 81 + 144 + 44);
            assertAggregate(requests, AVG, "10:30", "11:30", 655, 6);
        });
    }

    /**
     * A window that ends inside an hour: the hour read as a whole when all its values are before
     * the end (as the current hour is to a window ending now), minute by minute when some are not,
     * must answer alike; and so must its buckets, of whole hours or of parts of one.
     */
    @Test
    public void an_hour_a_window_ends_in_gives_the_figures_of_its_values_before_the_end() {
        String service = unique("checkout");
        write(point("latency_ms", "payments", service, "prod", "09:30:00", 7),
                point("latency_ms", "payments", service, "prod", "10:05:00", 1),
                point("latency_ms", "payments", service, "prod", "10:20:00", 5),
                point("latency_ms", "payments", service, "prod", "10:40:00", 3),
                point("latency_ms", "payments", service, "prod", "11:10:00", 100));
        MetricSelector latency = MetricSelector.ofService("latency_ms", service, "prod");

        verify(() -> {
            // All of ten o'clock's values are before 10:50; not all are before 10:30, nor before 10:40.
            assertAggregate(latency, SUM, "09:00", "10:50", 16, 4);
            assertAggregate(latency, SUM, "09:00", "10:30", 13, 3);
            assertAggregate(latency, SUM, "10:00", "10:40", 6, 2);
            assertAggregate(latency, SUM, "10:00", "10:41", 9, 3);
            assertAggregate(latency, LAST, "09:00", "10:50", 3, 4);
            assertAggregate(latency, LAST, "09:00", "10:30", 5, 3);
            assertAggregate(latency, MIN, "10:00", "10:50", 1, 3);
            assertAggregate(latency, MAX, "09:45", "10:50", 5, 3);
            assertAggregate(latency, AVG, "10:00", "10:50", 3, 3);
            assertThat(aggregate(latency, P50, "10:00", "10:50").value()).isCloseTo(3, within(0.03));
            assertThat(aggregate(latency, P50, "10:00", "10:30").value()).isCloseTo(1, within(0.01));
            assertThat(aggregate(latency, P99, "09:00", "10:50").value()).isCloseTo(7, within(0.07));
            assertThat(series(latency, SUM, "08:00", "10:50", Duration.ofHours(1)))
                    .containsExactly(bucket("09:00", 7), bucket("10:00", 9));
            assertThat(series(latency, SUM, "08:00", "10:30", Duration.ofHours(1)))
                    .containsExactly(bucket("09:00", 7), bucket("10:00", 6));
            assertThat(series(latency, SUM, "09:00", "10:50", Duration.ofMinutes(15))).containsExactly(
                    bucket("09:30", 7), bucket("10:00", 1), bucket("10:15", 5), bucket("10:30", 3));
        });
    }

    // Selection.

    @Test
    public void a_service_without_a_stage_takes_all_its_stages_and_its_service_wide_points() {
        String service = unique("checkout");
        String other = unique("cart");
        write(point("errors", "payments", service, "beta", "10:00:00", 1),
                point("errors", "payments", service, "prod", "10:01:00", 10),
                point("errors", "payments", service, null, "10:02:00", 100),
                point("errors", "payments", other, "prod", "10:03:00", 1_000),
                point("requests", "payments", service, "prod", "10:04:00", 10_000));

        verify(() -> {
            assertAggregate(MetricSelector.ofService("errors", service, null), SUM, "10:00", "11:00", 111, 3);
            assertAggregate(MetricSelector.ofService("errors", service, "prod"), SUM, "10:00", "11:00", 10, 1);
            assertAggregate(MetricSelector.ofService("errors", service, "beta"), SUM, "10:00", "11:00", 1, 1);
            assertAggregate(MetricSelector.ofService("errors", service, "gamma"), SUM, "10:00", "11:00", null, 0);
            assertAggregate(MetricSelector.ofService("errors", other, null), SUM, "10:00", "11:00", 1_000, 1);
        });
    }

    @Test
    public void a_team_takes_its_own_points_and_those_of_the_services_it_owned_when_they_were_written() {
        String team = unique("payments");
        String otherTeam = unique("search");
        String service = unique("checkout");
        String moved = unique("ledger");
        write(teamPoint("revenue", team, "10:00:00", 5),
                point("revenue", team, service, "prod", "10:10:00", 50),
                point("revenue", team, service, null, "10:20:00", 500),
                // The ledger moved from one team to the other at 10:30: each keeps its own part.
                point("revenue", team, moved, "prod", "10:25:00", 5_000),
                point("revenue", otherTeam, moved, "prod", "10:35:00", 50_000),
                teamPoint("revenue", otherTeam, "10:40:00", 500_000),
                point("revenue", null, unique("orphan"), "prod", "10:45:00", 5_000_000));

        verify(() -> {
            assertAggregate(MetricSelector.ofTeam("revenue", team), SUM, "10:00", "11:00", 5_555, 4);
            assertAggregate(MetricSelector.ofTeam("revenue", otherTeam), SUM, "10:00", "11:00", 550_000, 2);
            assertAggregate(MetricSelector.ofTeam("revenue", team), LAST, "10:00", "11:00", 5_000, 4);
            assertAggregate(MetricSelector.ofService("revenue", moved, null), SUM, "10:00", "11:00", 55_000, 2);
            assertAggregate(MetricSelector.ofTeam("revenue", unique("nobody")), SUM, "10:00", "11:00", null, 0);
        });
    }

    // Series.

    @Test
    public void a_series_has_one_point_per_bucket_with_values_and_leaves_empty_buckets_out() {
        String service = unique("checkout");
        write(point("errors", "payments", service, "prod", "10:00:00", 1),
                point("errors", "payments", service, "prod", "10:00:30", 2),
                point("errors", "payments", service, "prod", "10:02:00", 4),
                point("errors", "payments", service, "prod", "10:07:59", 8),
                point("errors", "payments", service, "prod", "11:15:00", 16),
                point("errors", "payments", service, "prod", "2026-03-03T09:00:00", 32));
        MetricSelector errors = MetricSelector.ofService("errors", service, "prod");

        verify(() -> {
            assertThat(series(errors, SUM, "10:00", "10:10", Duration.ofMinutes(1)))
                    .containsExactly(bucket("10:00", 3), bucket("10:02", 4), bucket("10:07", 8));
            assertThat(series(errors, SUM, "10:00", "12:00", Duration.ofMinutes(5)))
                    .containsExactly(bucket("10:00", 7), bucket("10:05", 8), bucket("11:15", 16));
            assertThat(series(errors, COUNT, "10:00", "12:00", Duration.ofHours(1)))
                    .containsExactly(bucket("10:00", 4), bucket("11:00", 1));
            assertThat(series(errors, MAX, "00:00", "2026-03-04T00:00", Duration.ofDays(1)))
                    .containsExactly(bucket("00:00", 16), bucket("2026-03-03T00:00", 32));
            assertThat(series(errors, RATE, "10:00", "10:10", Duration.ofMinutes(5)))
                    .containsExactly(bucket("10:00", 7 / 300.0), bucket("10:05", 8 / 300.0));
        });
    }

    @Test
    public void buckets_are_aligned_to_multiples_of_the_step_since_the_epoch_and_hold_only_the_window() {
        String service = unique("checkout");
        write(point("errors", "payments", service, "prod", "10:10:00", 1),
                point("errors", "payments", service, "prod", "10:40:00", 2),
                point("errors", "payments", service, "prod", "11:20:00", 4),
                point("errors", "payments", service, "prod", "12:50:00", 8));
        MetricSelector errors = MetricSelector.ofService("errors", service, "prod");
        long tenOClock = time("10:00").getEpochSecond() / 60;

        verify(() -> {
            assertThat(series(errors, SUM, "10:30", "12:30", Duration.ofHours(1)))
                    .containsExactly(bucket("10:00", 2), bucket("11:00", 4));
            // Seven minutes do not divide an hour: the buckets follow the epoch, not the hours.
            assertThat(series(errors, SUM, "10:00", "13:00", Duration.ofMinutes(7))).containsExactly(
                    sevenMinuteBucket(tenOClock + 10, 1), sevenMinuteBucket(tenOClock + 40, 2),
                    sevenMinuteBucket(tenOClock + 80, 4), sevenMinuteBucket(tenOClock + 170, 8));
            assertThat(series(errors, SUM, "00:00", "2026-03-03T00:00", Duration.ofHours(2)))
                    .containsExactly(bucket("10:00", 7), bucket("12:00", 8));
        });
    }

    @Test
    public void series_of_percentiles_come_from_each_buckets_values() {
        String service = unique("checkout");
        List<MetricPoint> points = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            points.add(point("latency_ms", "payments", service, "prod", "10:00:00", i));
            points.add(point("latency_ms", "payments", service, "prod", "11:00:00", 1_000 + i));
        }
        write(points);
        MetricSelector latency = MetricSelector.ofService("latency_ms", service, "prod");

        verify(() -> {
            List<SeriesPoint> p90 = series(latency, P90, "10:00", "12:00", Duration.ofHours(1));
            assertThat(p90).extracting(SeriesPoint::bucket).containsExactly(time("10:00"), time("11:00"));
            assertThat(p90.get(0).value()).isCloseTo(90, within(0.9));
            assertThat(p90.get(1).value()).isCloseTo(1_090, within(10.9));
        });
    }

    // Percentiles.

    @Test
    public void percentiles_of_a_uniform_distribution_are_within_one_percent() {
        String service = unique("checkout");
        double[] values = new double[1_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i + 1;
        }
        writeSpread("latency_ms", service, values, "10:00", 10);
        verify(() -> assertPercentiles(MetricSelector.ofService("latency_ms", service, "prod"), "10:00", "11:00", values));
    }

    @Test
    public void percentiles_of_an_exponential_distribution_are_within_one_percent() {
        String service = unique("checkout");
        Random random = new Random(17);
        double[] values = sample(5_000, () -> -Math.log(1 - random.nextDouble()) * 120);
        writeSpread("latency_ms", service, values, "10:00", 150);
        verify(() -> assertPercentiles(MetricSelector.ofService("latency_ms", service, "prod"), "10:00", "12:31", values));
    }

    @Test
    public void percentiles_with_zeros_and_negative_values_are_exact_in_sign_and_within_one_percent() {
        String service = unique("checkout");
        Random random = new Random(23);
        // 30% negative, 40% zero, 30% positive: the median is zero.
        double[] values = sample(2_000, () -> {
            int kind = random.nextInt(10);
            return kind < 3 ? -1 - random.nextDouble() * 99 : kind < 7 ? 0 : 1 + random.nextDouble() * 99;
        });
        writeSpread("balance", service, values, "10:00", 30);
        MetricSelector balance = MetricSelector.ofService("balance", service, "prod");

        verify(() -> {
            assertPercentiles(balance, "10:00", "11:00", values);
            assertThat(aggregate(balance, P50, "10:00", "11:00").value()).isZero();
        });
    }

    @Test
    public void percentiles_over_several_hours_come_from_all_values_never_from_percentiles_of_parts() {
        String service = unique("checkout");
        List<MetricPoint> points = new ArrayList<>();
        // 900 values 1 ... 900 in the first hour, 100 values 10,001 ... 10,100 in the second.
        for (int i = 1; i <= 900; i++) {
            points.add(point("latency_ms", "payments", service, "prod", "10:00:00", i));
        }
        for (int i = 1; i <= 100; i++) {
            points.add(point("latency_ms", "payments", service, "prod", "11:30:00", 10_000 + i));
        }
        write(points);
        MetricSelector latency = MetricSelector.ofService("latency_ms", service, "prod");

        verify(() -> {
            assertThat(aggregate(latency, P50, "10:00", "12:00").value()).isCloseTo(500, within(5.0));
            assertThat(aggregate(latency, P90, "10:00", "12:00").value()).isCloseTo(900, within(9.0));
            assertThat(aggregate(latency, P95, "10:00", "12:00").value()).isCloseTo(10_050, within(100.5));
            assertThat(aggregate(latency, P99, "10:00", "12:00").value()).isCloseTo(10_090, within(100.9));
            assertThat(aggregate(latency, P99, "10:00", "12:00").count()).isEqualTo(1_000);
        });
    }

    // Scale and batches.

    @Test
    public void many_series_written_in_large_batches_keep_apart_and_add_up() {
        String team = unique("fleet");
        List<MetricPoint> batch = new ArrayList<>();
        // 1,000 services of ten teams, three metrics each, in batches of 5,000 lines.
        for (int minute = 0; minute < 10; minute++) {
            for (int service = 0; service < 1_000; service++) {
                String name = team + "-service-" + service;
                String owner = team + "-" + (service % 10);
                String at = String.format("10:%02d:00", minute);
                batch.add(point("requests", owner, name, "prod", at, 100 + service));
                batch.add(point("errors", owner, name, "prod", at, service % 7));
                batch.add(point("latency_ms", owner, name, "prod", at, 10 + service % 100));
                if (batch.size() == 15_000) {
                    write(batch);
                    batch = new ArrayList<>();
                }
            }
        }
        write(batch);

        verify(() -> {
            // Team 3 owns services 3, 13, ..., 993: requests 103 + 113 + ... + 1093 per minute.
            double perMinute = 0;
            long errorsPerMinute = 0;
            for (int service = 3; service < 1_000; service += 10) {
                perMinute += 100 + service;
                errorsPerMinute += service % 7;
            }
            assertAggregate(MetricSelector.ofTeam("requests", team + "-3"), SUM, "10:00", "11:00", 10 * perMinute,
                    1_000);
            assertAggregate(MetricSelector.ofTeam("errors", team + "-3"), SUM, "10:00", "11:00",
                    10.0 * errorsPerMinute, 1_000);
            assertAggregate(MetricSelector.ofService("requests", team + "-service-517", "prod"), SUM, "10:00", "11:00",
                    6_170, 10);
            assertAggregate(MetricSelector.ofService("latency_ms", team + "-service-517", null), MAX, "10:00", "11:00",
                    27, 10);
            assertThat(series(MetricSelector.ofTeam("requests", team + "-0"), COUNT, "10:00", "11:00",
                    Duration.ofMinutes(1))).hasSize(10).allSatisfy(point -> assertThat(point.value()).isEqualTo(100));
        });
    }

    @Test
    public void a_batch_with_a_point_the_store_cannot_take_stores_none_of_its_points() {
        String service = unique("checkout");
        List<MetricPoint> batch = List.of(point("errors", "payments", service, "prod", "10:00:00", 1),
                point("errors", "payments", service, "prod", "10:01:00", 2),
                point("errors", "payments", service, "prod", "10:02:00", Double.NaN));

        assertThatThrownBy(() -> store.write(batch)).isInstanceOf(RuntimeException.class);

        verify(() -> assertAggregate(MetricSelector.ofService("errors", service, null), COUNT, "10:00", "11:00", null,
                0));
    }

    @Test
    public void a_read_right_after_a_write_sees_it() {
        String service = unique("checkout");
        MetricSelector errors = MetricSelector.ofService("errors", service, "prod");
        for (int i = 1; i <= 5; i++) {
            write(point("errors", "payments", service, "prod", "10:0" + i + ":00", i));
            assertAggregate(errors, SUM, "10:00", "11:00", i * (i + 1) / 2.0, i);
            assertAggregate(errors, LAST, "10:00", "11:00", i, i);
        }
    }

    @Test
    public void figures_add_up_what_was_kept_before_a_restart_and_what_came_after() {
        String service = unique("checkout");
        MetricSelector errors = MetricSelector.ofService("errors", service, "prod");
        write(point("errors", "payments", service, "prod", "10:10:00", 1),
                point("errors", "payments", service, "prod", "11:10:00", 2));
        store = restart(store);
        write(point("errors", "payments", service, "prod", "10:20:00", 4),
                point("errors", "payments", service, "prod", "11:20:00", 8),
                point("errors", "payments", service, "prod", "12:20:00", 16));

        verify(() -> {
            assertAggregate(errors, SUM, "10:00", "13:00", 31, 5);
            assertAggregate(errors, SUM, "10:15", "11:15", 6, 2);
            assertAggregate(errors, LAST, "10:00", "13:00", 16, 5);
            assertThat(series(errors, SUM, "10:00", "13:00", Duration.ofHours(1)))
                    .containsExactly(bucket("10:00", 5), bucket("11:00", 10), bucket("12:00", 16));
        });
    }

    // Helpers.

    /** Runs the checks on the store as it is, then again after a restart. */
    protected final void verify(Runnable checks) {
        checks.run();
        store = restart(store);
        checks.run();
    }

    protected final MetricStore store() {
        return store;
    }

    /** A name no other test uses: tests share the store. */
    protected static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    /** {@code hh:mm[:ss]} on 2 March 2026, or a whole {@code yyyy-mm-ddThh:mm[:ss]}, in UTC. */
    protected static Instant time(String time) {
        String full = time.contains("T") ? time : DAY + time;
        return Instant.parse(full.length() == 16 ? full + ":00Z" : full + "Z");
    }

    protected static MetricPoint point(String metric, String team, String service, String stage, String time,
            double value) {
        return new MetricPoint(metric, team, service, stage, time(time), value, Map.of("host", "a-1"));
    }

    protected static MetricPoint teamPoint(String metric, String team, String time, double value) {
        return new MetricPoint(metric, team, null, null, time(time), value, Map.of());
    }

    protected final void write(MetricPoint... points) {
        store.write(List.of(points));
    }

    protected final void write(List<MetricPoint> points) {
        store.write(points);
    }

    protected final MetricAggregate aggregate(MetricSelector selector, Aggregation aggregation, String from, String to) {
        return store.aggregate(selector, aggregation, time(from), time(to));
    }

    protected final List<SeriesPoint> series(MetricSelector selector, Aggregation aggregation, String from, String to,
            Duration step) {
        return store.series(selector, aggregation, time(from), time(to), step);
    }

    private void assertAggregate(MetricSelector selector, Aggregation aggregation, String from, String to,
            Number value, long count) {
        MetricAggregate aggregate = aggregate(selector, aggregation, from, to);
        String what = aggregation + " of " + selector + " from " + from + " to " + to;
        assertThat(aggregate.count()).as("count of %s", what).isEqualTo(count);
        if (value == null) {
            assertThat(aggregate.value()).as(what).isNull();
        } else {
            assertThat(aggregate.value()).as(what).isCloseTo(value.doubleValue(),
                    within(Math.abs(value.doubleValue()) * 1e-12));
        }
    }

    private void assertPercentiles(MetricSelector selector, String from, String to, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (Aggregation aggregation : List.of(P50, P90, P95, P99)) {
            double quantile = Integer.parseInt(aggregation.wireName().substring(1)) / 100.0;
            double exact = sorted[(int) Math.ceil(quantile * sorted.length) - 1];
            MetricAggregate aggregate = aggregate(selector, aggregation, from, to);
            assertThat(aggregate.count()).isEqualTo(values.length);
            assertThat(aggregate.value()).as("%s of %s values", aggregation, values.length)
                    .isCloseTo(exact, within(Math.abs(exact) * 0.01));
        }
    }

    /** Writes {@code values} of one series in batches, spread evenly over {@code minutes} from {@code from}. */
    private void writeSpread(String metric, String service, double[] values, String from, int minutes) {
        List<MetricPoint> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Instant at = time(from).plusSeconds((long) i * minutes * 60 / values.length);
            points.add(new MetricPoint(metric, "payments", service, "prod", at, values[i], Map.of()));
            if (points.size() == 500) {
                write(points);
                points = new ArrayList<>();
            }
        }
        write(points);
    }

    private static SeriesPoint sevenMinuteBucket(long minuteSinceEpoch, double value) {
        return new SeriesPoint(Instant.ofEpochSecond(Math.floorDiv(minuteSinceEpoch, 7) * 7 * 60), value);
    }

    private static SeriesPoint bucket(String time, double value) {
        return new SeriesPoint(time(time), value);
    }

    private static double[] sample(int count, DoubleSupplier next) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = next.getAsDouble();
        }
        return values;
    }
}
