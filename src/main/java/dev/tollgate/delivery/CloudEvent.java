package dev.tollgate.delivery;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One CloudEvent of a request, as far as Tollgate reads it: its required attributes, its time
 * and its data (a CDEvent, for the types Tollgate maps). {@code index} is its place in the
 * request, 0 for a request carrying one event.
 */
record CloudEvent(int index, String specversion, String id, String source, String type, Instant time, JsonNode data) {
}
