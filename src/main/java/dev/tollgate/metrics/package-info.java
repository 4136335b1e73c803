/**
 * Time series: the {@link dev.tollgate.metrics.MetricStore} port that ingestion writes to and
 * rules, scorecards and charts read from, and its adapters (the embedded jOOQ store on H2 or
 * PostgreSQL, and InfluxDB).
 */
package dev.tollgate.metrics;
