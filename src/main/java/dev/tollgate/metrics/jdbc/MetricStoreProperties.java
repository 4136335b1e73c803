package dev.tollgate.metrics.jdbc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded metric store.
 *
 * @param flushInterval how often the rollups in memory are written to their hourly rows
 * @param flushRows     hourly rows waiting in memory that start a flush before its interval is up
 * @param flushPoints   points waiting in memory that start a flush before its interval is up
 * @param flushMinutes  summaries of a series' minute waiting in memory that start a flush before its
 *                      interval is up: what the rollups in memory take of the heap (a few hundred
 *                      bytes each)
 * @param retention     what is kept how long
 */
@ConfigurationProperties("tollgate.metrics")
record MetricStoreProperties(@DefaultValue("PT10S") Duration flushInterval, @DefaultValue("20000") long flushRows,
        @DefaultValue("1000000") long flushPoints, @DefaultValue("50000") long flushMinutes,
        @DefaultValue Retention retention) {

    // A Retention of its own, not Retention.DEFAULTS: either class may be initialised first.
    static final MetricStoreProperties DEFAULTS = new MetricStoreProperties(Duration.ofSeconds(10), 20_000,
            1_000_000, 50_000, new Retention(Duration.ofDays(7), Duration.ofDays(400), Duration.ofHours(1)));

    /**
     * Writers wait while this many times {@link #flushRows} or {@link #flushPoints} wait in memory:
     * a store whose flushes cannot keep up slows its writers down instead of filling the heap.
     */
    static final int BACKLOG_FACTOR = 5;

    MetricStoreProperties {
        requirePositive("tollgate.metrics.flush-interval", flushInterval);
        if (flushRows < 1 || flushPoints < 1 || flushMinutes < 1) {
            throw new IllegalArgumentException(
                    "tollgate.metrics.flush-rows, flush-points and flush-minutes must be positive");
        }
    }

    /** Whether rollups of this many rows, points and minutes should be flushed before the interval is up. */
    boolean flushSoon(long rows, long points, long minutes) {
        return rows >= flushRows || points >= flushPoints || minutes >= flushMinutes;
    }

    /** Whether writers should wait for a flush before they add to rollups of this many rows, points and minutes. */
    boolean backlogged(long rows, long points, long minutes) {
        return rows >= BACKLOG_FACTOR * flushRows || points >= BACKLOG_FACTOR * flushPoints
                || minutes >= BACKLOG_FACTOR * flushMinutes;
    }

    /**
     * @param raw      how long the write-ahead batches (raw points with all their tags) are kept
     *                 after they are rolled up
     * @param rollups  how long hourly rollups are kept: reads reach back this far
     * @param interval how often retention runs
     */
    record Retention(@DefaultValue("P7D") Duration raw, @DefaultValue("P400D") Duration rollups,
            @DefaultValue("PT1H") Duration interval) {

        static final Retention DEFAULTS = new Retention(Duration.ofDays(7), Duration.ofDays(400), Duration.ofHours(1));

        Retention {
            requirePositive("tollgate.metrics.retention.raw", raw);
            requirePositive("tollgate.metrics.retention.rollups", rollups);
            requirePositive("tollgate.metrics.retention.interval", interval);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + value);
        }
    }
}
