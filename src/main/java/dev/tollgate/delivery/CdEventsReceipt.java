package dev.tollgate.delivery;

/** The answer to {@code POST /api/v1/cdevents}: events stored as deployments or test runs, and events of other types. */
public record CdEventsReceipt(int accepted, int ignored) {
}
