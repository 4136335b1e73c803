package dev.tollgate.catalog;

/** The body of {@code PUT /api/v1/teams/{team}}. */
public record TeamDraft(String name, String description) {

    String normalizedDescription() {
        return description == null || description.isBlank() ? null : description.strip();
    }
}
