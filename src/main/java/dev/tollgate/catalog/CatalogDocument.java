package dev.tollgate.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.tollgate.goals.GoalEntry;

/**
 * The catalog as one document (API.md {@code PUT /config}): each item carries its identifier as
 * {@code id} beside the fields of its own {@code PUT} body (goals also their {@code team}).
 * {@code rules} belong to the rules feature, which reads them through {@link CatalogSection}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogDocument(List<TeamEntry> teams, List<ServiceEntry> services,
        List<MetricDefinitionEntry> metricDefinitions, List<Object> rules, List<GoalEntry> goals) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TeamEntry(String id, String name, String description) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceEntry(String id, String team, String name, List<String> stages) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MetricDefinitionEntry(String id, MetricCategory category, String unit, Better better,
            Aggregation aggregation, Double target, String description) {
    }

    static <T> List<T> orEmpty(List<T> items) {
        return items == null ? List.of() : items;
    }
}
