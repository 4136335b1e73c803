package dev.tollgate.gate;

import static dev.tollgate.db.Tables.GATE_OVERRIDE;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.tollgate.api.GeneratedIds;

/** Overrides, revoked ones kept ({@code gate_override}). */
@Repository
class OverrideRepository {

    private final DSLContext db;

    OverrideRepository(DSLContext db) {
        this.db = db;
    }

    void save(GateOverride override, String team) {
        db.insertInto(GATE_OVERRIDE)
                .set(GATE_OVERRIDE.ID, override.id())
                .set(GATE_OVERRIDE.SERVICE, override.service())
                .set(GATE_OVERRIDE.TEAM, team)
                .set(GATE_OVERRIDE.STAGE, override.stage())
                .set(GATE_OVERRIDE.VERSION, override.version())
                .set(GATE_OVERRIDE.REASON, override.reason())
                .set(GATE_OVERRIDE.EXPIRES_AT, override.expiresAt())
                .set(GATE_OVERRIDE.CREATED_AT, override.createdAt())
                .set(GATE_OVERRIDE.CREATED_BY, override.createdBy())
                .execute();
    }

    Optional<GateOverride> find(String id) {
        if (!GeneratedIds.isValid(id)) {
            return Optional.empty();
        }
        return db.selectFrom(GATE_OVERRIDE).where(GATE_OVERRIDE.ID.eq(id)).fetchOptional(OverrideRepository::read);
    }

    /** The team of the service when the override was made (null for an unowned service). */
    Optional<String> teamOf(String id) {
        return db.select(GATE_OVERRIDE.TEAM).from(GATE_OVERRIDE).where(GATE_OVERRIDE.ID.eq(id))
                .fetchOptional(GATE_OVERRIDE.TEAM);
    }

    /** Marks an override revoked; false when it was already. */
    boolean revoke(String id, Instant now, String actor) {
        return db.update(GATE_OVERRIDE).set(GATE_OVERRIDE.REVOKED_AT, now).set(GATE_OVERRIDE.REVOKED_BY, actor)
                .where(GATE_OVERRIDE.ID.eq(id)).and(GATE_OVERRIDE.REVOKED_AT.isNull()).execute() == 1;
    }

    /** The newest override holding at {@code now} for a promotion of {@code version} of the service into the stage. */
    Optional<GateOverride> holding(String service, String stage, String version, Instant now) {
        return db.selectFrom(GATE_OVERRIDE)
                .where(GATE_OVERRIDE.SERVICE.eq(service)).and(GATE_OVERRIDE.STAGE.eq(stage))
                .and(GATE_OVERRIDE.VERSION.isNull().or(GATE_OVERRIDE.VERSION.eq(version)))
                .and(holdsAt(now))
                .orderBy(GATE_OVERRIDE.CREATED_AT.desc(), GATE_OVERRIDE.ID.desc()).limit(1)
                .fetchOptional(OverrideRepository::read);
    }

    /**
     * Overrides newest first: those holding at {@code now}, or every one when {@code now} is null;
     * of a service when {@code service} is set, of {@code teams} when that is not null.
     */
    List<GateOverride> list(String service, Instant now, Set<String> teams, int limit) {
        Condition where = DSL.trueCondition();
        if (service != null) {
            where = where.and(GATE_OVERRIDE.SERVICE.eq(service));
        }
        if (now != null) {
            where = where.and(holdsAt(now));
        }
        if (teams != null) {
            where = where.and(GATE_OVERRIDE.TEAM.in(teams));
        }
        return db.selectFrom(GATE_OVERRIDE).where(where).orderBy(GATE_OVERRIDE.CREATED_AT.desc(), GATE_OVERRIDE.ID.desc())
                .limit(limit).fetch(OverrideRepository::read);
    }

    int countHolding(Instant now) {
        return db.fetchCount(GATE_OVERRIDE, holdsAt(now));
    }

    private static Condition holdsAt(Instant now) {
        return GATE_OVERRIDE.REVOKED_AT.isNull().and(GATE_OVERRIDE.CREATED_AT.le(now)).and(GATE_OVERRIDE.EXPIRES_AT.gt(now));
    }

    private static GateOverride read(Record record) {
        var row = record.into(GATE_OVERRIDE);
        return new GateOverride(row.getId(), row.getService(), row.getStage(), row.getVersion(), row.getReason(),
                row.getExpiresAt(), row.getCreatedAt(), row.getCreatedBy(), row.getRevokedAt(), row.getRevokedBy());
    }
}
