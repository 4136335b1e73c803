/**
 * Ingestion: the adapters that turn what pipelines and agents send (JSON points, InfluxDB line
 * protocol, CDEvents) into validated batches for the stores. A request is taken whole or refused
 * whole, naming every offending item.
 */
package dev.tollgate.ingest;
