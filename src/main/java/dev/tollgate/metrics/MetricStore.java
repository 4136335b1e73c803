package dev.tollgate.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.tollgate.catalog.Aggregation;

/**
 * The one port for time series (DESIGN.md). Windows are half-open, {@code [from, to)}.
 *
 * <p>Aggregations: {@code sum count min max avg last} as named; {@code rate} is the sum per
 * second of the window (or bucket); {@code p50 p90 p95 p99} are percentiles of the values,
 * estimated from mergeable sketches with a relative error of at most 1%, never averaged from
 * percentiles of parts. An adapter may round windows to whole minutes, its finest resolution.
 */
public interface MetricStore {

    /**
     * Stores a batch whole or not at all. On return the points are durable: nothing acknowledged is
     * lost, also across a crash right after.
     *
     * @throws MetricStoreUnavailableException when the store cannot take the batch now
     */
    void write(List<MetricPoint> points);

    MetricAggregate aggregate(MetricSelector selector, Aggregation aggregation, Instant from, Instant to);

    /** The aggregation per bucket of {@code step}, buckets aligned to multiples of the step since the epoch. */
    List<SeriesPoint> series(MetricSelector selector, Aggregation aggregation, Instant from, Instant to, Duration step);
}
