package dev.tollgate.catalog;

import static dev.tollgate.db.Tables.METRIC_DEFINITION;

import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import dev.tollgate.db.tables.records.MetricDefinitionRecord;

@Repository
class MetricDefinitionRepository {

    private final DSLContext db;

    MetricDefinitionRepository(DSLContext db) {
        this.db = db;
    }

    List<MetricDefinition> findAll() {
        return db.selectFrom(METRIC_DEFINITION).orderBy(METRIC_DEFINITION.ID).fetch(MetricDefinitionRepository::toDefinition);
    }

    Optional<MetricDefinition> find(String id) {
        return db.selectFrom(METRIC_DEFINITION).where(METRIC_DEFINITION.ID.eq(id))
                .fetchOptional(MetricDefinitionRepository::toDefinition);
    }

    void upsert(MetricDefinition definition) {
        int updated = db.update(METRIC_DEFINITION)
                .set(METRIC_DEFINITION.CATEGORY, definition.category().name())
                .set(METRIC_DEFINITION.UNIT, definition.unit())
                .set(METRIC_DEFINITION.BETTER, definition.better().name())
                .set(METRIC_DEFINITION.AGGREGATION, definition.aggregation().wireName())
                .set(METRIC_DEFINITION.TARGET, definition.target())
                .set(METRIC_DEFINITION.DESCRIPTION, definition.description())
                .set(METRIC_DEFINITION.UPDATED_AT, definition.updatedAt())
                .where(METRIC_DEFINITION.ID.eq(definition.id()))
                .execute();
        if (updated == 0) {
            db.insertInto(METRIC_DEFINITION)
                    .set(METRIC_DEFINITION.ID, definition.id())
                    .set(METRIC_DEFINITION.CATEGORY, definition.category().name())
                    .set(METRIC_DEFINITION.UNIT, definition.unit())
                    .set(METRIC_DEFINITION.BETTER, definition.better().name())
                    .set(METRIC_DEFINITION.AGGREGATION, definition.aggregation().wireName())
                    .set(METRIC_DEFINITION.TARGET, definition.target())
                    .set(METRIC_DEFINITION.DESCRIPTION, definition.description())
                    .set(METRIC_DEFINITION.BUILT_IN, false)
                    .set(METRIC_DEFINITION.UPDATED_AT, definition.updatedAt())
                    .execute();
        }
    }

    private static MetricDefinition toDefinition(MetricDefinitionRecord r) {
        return new MetricDefinition(r.getId(), MetricCategory.valueOf(r.getCategory()), r.getUnit(),
                Better.valueOf(r.getBetter()), Aggregation.valueOf(r.getAggregation().toUpperCase(java.util.Locale.ROOT)),
                r.getTarget(), r.getDescription(), r.getBuiltIn(), r.getUpdatedAt());
    }
}
