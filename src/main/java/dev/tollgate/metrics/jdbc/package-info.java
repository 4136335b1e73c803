/**
 * The embedded time-series store: the jOOQ adapter of {@link dev.tollgate.metrics.MetricStore} on
 * H2 or PostgreSQL, the default unless {@code tollgate.influx.url} is set. Write-ahead batches,
 * rollups in memory flushed to hourly rows, percentile sketches; see {@link
 * dev.tollgate.metrics.jdbc.JdbcMetricStore}.
 */
package dev.tollgate.metrics.jdbc;
