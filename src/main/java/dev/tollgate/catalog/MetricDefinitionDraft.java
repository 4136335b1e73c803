package dev.tollgate.catalog;

/** The body of {@code PUT /api/v1/metric-definitions/{metric}}. */
public record MetricDefinitionDraft(MetricCategory category, String unit, Better better, Aggregation aggregation,
        Double target, String description) {

    String normalizedDescription() {
        return description == null || description.isBlank() ? null : description.strip();
    }
}
