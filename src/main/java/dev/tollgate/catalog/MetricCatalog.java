package dev.tollgate.catalog;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tollgate.api.Violations;
import dev.tollgate.security.AuditLog;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;

/** Metric definitions: global, so only an admin bound to no team changes them. */
@Service
public class MetricCatalog {

    private final MetricDefinitionRepository definitions;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final Clock clock;

    MetricCatalog(MetricDefinitionRepository definitions, CurrentCaller callers, AuditLog audit, Clock clock) {
        this.definitions = definitions;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<MetricDefinition> list() {
        callers.get().require(Scope.READ);
        return definitions.findAll();
    }

    /** The definition of a metric, or the default API.md gives a metric that has none. */
    @Transactional(readOnly = true)
    public MetricDefinition definitionOf(String metric) {
        return definitions.find(metric).orElseGet(() -> MetricDefinition.undefined(metric));
    }

    @Transactional
    public Saved<MetricDefinition> put(String id, MetricDefinitionDraft draft) {
        callers.get().requireUnbound(Scope.ADMIN);
        Violations violations = new Violations();
        validate(violations, "", id, draft);
        violations.throwIfAny("The metric definition was not saved");
        return save(id, draft);
    }

    static void validate(Violations violations, String prefix, String id, MetricDefinitionDraft draft) {
        violations.metricKey(prefix.isEmpty() ? "metric" : prefix + "/id", id);
        if (draft == null) {
            violations.add(prefix.isEmpty() ? "/" : prefix, "must be an object with category, unit, better and aggregation");
            return;
        }
        violations.required(prefix + "/category", draft.category());
        violations.text(prefix + "/unit", draft.unit(), MetricDefinition.MAX_UNIT_LENGTH);
        violations.required(prefix + "/better", draft.better());
        if (violations.required(prefix + "/aggregation", draft.aggregation())
                && !MetricDefinition.AGGREGATIONS.contains(draft.aggregation())) {
            violations.add(prefix + "/aggregation", "must be one of " + MetricDefinition.AGGREGATIONS);
        }
        if (draft.target() != null && !Double.isFinite(draft.target())) {
            violations.add(prefix + "/target", "must be a finite number");
        }
        violations.optionalText(prefix + "/description", draft.description(), MetricDefinition.MAX_DESCRIPTION_LENGTH);
    }

    Saved<MetricDefinition> save(String id, MetricDefinitionDraft draft) {
        Optional<MetricDefinition> existing = definitions.find(id);
        if (existing.isPresent() && existing.get().sameContent(draft)) {
            return new Saved<>(existing.get(), false);
        }
        MetricDefinition definition = new MetricDefinition(id, draft.category(), draft.unit().strip(), draft.better(),
                draft.aggregation(), draft.target(), draft.normalizedDescription(),
                existing.map(MetricDefinition::builtIn).orElse(false), clock.instant());
        definitions.upsert(definition);
        audit.record(existing.isPresent() ? "METRIC_DEFINITION_UPDATED" : "METRIC_DEFINITION_CREATED", "metric", id,
                "category=" + definition.category() + " unit=" + definition.unit() + " better=" + definition.better()
                        + " aggregation=" + definition.aggregation()
                        + (definition.target() == null ? "" : " target=" + definition.target()));
        return new Saved<>(definition, existing.isEmpty());
    }
}
