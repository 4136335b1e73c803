/**
 * Ingestion: the adapters that turn what pipelines and agents send (JSON points, InfluxDB line
 * protocol, CDEvents) into validated batches for the stores, and the InfluxDB endpoints clients
 * such as Telegraf and Micrometer call before they write ({@code /ping}, {@code /query}). A
 * request is taken whole or refused whole, naming every offending item.
 */
package dev.tollgate.ingest;
