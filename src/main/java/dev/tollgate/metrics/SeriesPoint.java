package dev.tollgate.metrics;

import java.time.Instant;

/** The figure of one bucket of a series, for charts and sparklines; buckets without points are left out. */
public record SeriesPoint(Instant bucket, double value) {
}
