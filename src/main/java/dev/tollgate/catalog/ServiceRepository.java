package dev.tollgate.catalog;

import static dev.tollgate.db.Tables.SERVICE;
import static dev.tollgate.db.Tables.SERVICE_STAGE;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.util.Collection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class ServiceRepository {

    private final DSLContext db;
    private final CatalogStamp stamp;
    private final Field<List<String>> stages = multiset(
            select(SERVICE_STAGE.STAGE).from(SERVICE_STAGE)
                    .where(SERVICE_STAGE.SERVICE_ID.eq(SERVICE.ID))
                    .orderBy(SERVICE_STAGE.POSITION))
            .as("stages").convertFrom(result -> result.map(r -> r.value1()));

    ServiceRepository(DSLContext db, CatalogStamp stamp) {
        this.db = db;
        this.stamp = stamp;
    }

    /** Every service: what a node keeps in memory between two moves of the {@link CatalogStamp}. */
    List<ServiceDefinition> all() {
        return db.select(SERVICE.asterisk(), stages).from(SERVICE).fetch(this::toService);
    }

    /**
     * Services in id order. {@code team} filters to one team when not null; {@code onlyTeams}
     * limits them to some teams when not null (a team-bound caller sees no unowned services).
     */
    List<ServiceDefinition> find(String team, Collection<String> onlyTeams, int offset, int limit) {
        return db.select(SERVICE.asterisk(), stages).from(SERVICE)
                .where(conditions(team, onlyTeams))
                .orderBy(SERVICE.ID).offset(offset).limit(limit)
                .fetch(this::toService);
    }

    int count(String team, Collection<String> onlyTeams) {
        return db.fetchCount(SERVICE, conditions(team, onlyTeams));
    }

    Optional<ServiceDefinition> find(String id) {
        return db.select(SERVICE.asterisk(), stages).from(SERVICE).where(SERVICE.ID.eq(id))
                .fetchOptional(this::toService);
    }

    /** Inserts services with no stage path; ids another writer inserted meanwhile are skipped. */
    List<String> insertFromIngest(Collection<String> ids, String team, Instant at) {
        if (!ids.isEmpty()) {
            stamp.moved();
        }
        List<String> inserted = new ArrayList<>();
        for (String id : ids) {
            int rows = db.insertInto(SERVICE)
                    .set(SERVICE.ID, id)
                    .set(SERVICE.TEAM_ID, team)
                    .set(SERVICE.NAME, id)
                    .set(SERVICE.CREATED_AT, at)
                    .set(SERVICE.UPDATED_AT, at)
                    .onConflictDoNothing()
                    .execute();
            if (rows == 1) {
                inserted.add(id);
            }
        }
        return inserted;
    }

    int countOwnedBy(String team) {
        return db.fetchCount(SERVICE, SERVICE.TEAM_ID.eq(team));
    }

    void insert(ServiceDefinition service) {
        stamp.moved();
        db.insertInto(SERVICE)
                .set(SERVICE.ID, service.id())
                .set(SERVICE.TEAM_ID, service.team())
                .set(SERVICE.NAME, service.name())
                .set(SERVICE.CREATED_AT, service.createdAt())
                .set(SERVICE.UPDATED_AT, service.updatedAt())
                .execute();
        insertStages(service);
    }

    void update(ServiceDefinition service) {
        stamp.moved();
        db.update(SERVICE)
                .set(SERVICE.TEAM_ID, service.team())
                .set(SERVICE.NAME, service.name())
                .set(SERVICE.UPDATED_AT, service.updatedAt())
                .where(SERVICE.ID.eq(service.id()))
                .execute();
        db.deleteFrom(SERVICE_STAGE).where(SERVICE_STAGE.SERVICE_ID.eq(service.id())).execute();
        insertStages(service);
    }

    void delete(String id) {
        stamp.moved();
        db.deleteFrom(SERVICE).where(SERVICE.ID.eq(id)).execute();
    }

    private void insertStages(ServiceDefinition service) {
        var insert = db.insertInto(SERVICE_STAGE, SERVICE_STAGE.SERVICE_ID, SERVICE_STAGE.POSITION, SERVICE_STAGE.STAGE);
        for (int i = 0; i < service.stages().size(); i++) {
            insert = insert.values(service.id(), i, service.stages().get(i));
        }
        insert.execute();
    }

    private static Condition conditions(String team, Collection<String> onlyTeams) {
        Condition condition = team == null ? DSL.noCondition() : SERVICE.TEAM_ID.eq(team);
        return onlyTeams == null ? condition : condition.and(SERVICE.TEAM_ID.in(onlyTeams));
    }

    private ServiceDefinition toService(Record r) {
        return new ServiceDefinition(r.get(SERVICE.ID), r.get(SERVICE.TEAM_ID), r.get(SERVICE.NAME), r.get(stages),
                r.get(SERVICE.CREATED_AT), r.get(SERVICE.UPDATED_AT));
    }
}
