package dev.tollgate.delivery;

/**
 * The answer to {@code POST /api/v1/cdevents}: how many events were stored as deployments or test
 * runs, and how many were of other types.
 */
public record CdEventsReceipt(int accepted, int ignored) {
}
