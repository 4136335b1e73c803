package dev.tollgate.review;

/**
 * The body of {@code POST /api/v1/reviews}. {@code service} is optional (a review of the whole
 * team); {@code week} is any day of the week reviewed, such as {@code 2026-11-23}, and defaults
 * to the current week (UTC).
 */
public record ReviewDraft(String team, String service, String notes, String week) {
}
