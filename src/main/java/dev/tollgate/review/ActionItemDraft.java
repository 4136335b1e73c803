package dev.tollgate.review;

/**
 * The body of {@code POST /api/v1/action-items}. {@code service} and {@code review} are optional;
 * {@code due} is a date such as {@code 2026-12-31}.
 */
public record ActionItemDraft(String team, String service, String review, String title, String owner, String due) {
}
