package dev.tollgate.catalog;

import java.util.List;

/** The body of {@code PUT /api/v1/services/{service}}; {@code name} defaults to the identifier. */
public record ServiceDraft(String team, String name, List<String> stages) {
}
