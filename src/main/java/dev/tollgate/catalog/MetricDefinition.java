package dev.tollgate.catalog;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How a metric is read: its quadrant, unit, direction of good, default aggregation and target. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricDefinition(String id, MetricCategory category, String unit, Better better,
        Aggregation aggregation, Double target, String description, boolean builtIn, Instant updatedAt) {

    public static final int MAX_UNIT_LENGTH = 32;
    public static final int MAX_DESCRIPTION_LENGTH = 2000;
    /** API.md: how a figure is summarised; count and rate are for rules, not definitions. */
    public static final Set<Aggregation> AGGREGATIONS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            Aggregation.SUM, Aggregation.AVG, Aggregation.MIN, Aggregation.MAX, Aggregation.LAST, Aggregation.P50,
            Aggregation.P90, Aggregation.P95, Aggregation.P99)));

    /** API.md: a metric with no definition is stored and treated as OPERATIONAL, sum, better LOWER. */
    public static MetricDefinition undefined(String metric) {
        return new MetricDefinition(metric, MetricCategory.OPERATIONAL, "", Better.LOWER, Aggregation.SUM, null, null,
                false, null);
    }

    boolean sameContent(MetricDefinitionDraft draft) {
        return category == draft.category() && unit.equals(draft.unit().strip()) && better == draft.better()
                && aggregation == draft.aggregation() && java.util.Objects.equals(target, draft.target())
                && java.util.Objects.equals(description, draft.normalizedDescription());
    }
}
