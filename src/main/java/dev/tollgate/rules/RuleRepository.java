package dev.tollgate.rules;

import static dev.tollgate.db.Tables.RULE;
import static dev.tollgate.db.Tables.RULE_VERSION;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.tollgate.catalog.CatalogStamp;

/** The rules and every version of each ({@code rule}, {@code rule_version}). */
@Repository
class RuleRepository {

    private final DSLContext db;
    private final CatalogStamp stamp;

    RuleRepository(DSLContext db, CatalogStamp stamp) {
        this.db = db;
        this.stamp = stamp;
    }

    Optional<StoredRule> find(String id) {
        return db.selectFrom(RULE).where(RULE.ID.eq(id)).fetchOptional(row -> new StoredRule(row.getId(),
                row.getVersion(), row.getScopeTeam(), row.getScopeService(), row.getDocument(), row.getUpdatedAt()));
    }

    /** Rules in id order; {@code team} or {@code service} narrow them to those scoped so, when set. */
    List<StoredRule> list(String team, String service) {
        Condition where = DSL.trueCondition();
        if (team != null) {
            where = where.and(RULE.SCOPE_TEAM.eq(team));
        }
        if (service != null) {
            where = where.and(RULE.SCOPE_SERVICE.eq(service));
        }
        return db.selectFrom(RULE).where(where).orderBy(RULE.ID).fetch(row -> new StoredRule(row.getId(),
                row.getVersion(), row.getScopeTeam(), row.getScopeService(), row.getDocument(), row.getUpdatedAt()));
    }

    /** Stores {@code document} as the next version of rule {@code id}; answers that version. */
    int save(String id, String team, String service, String document, Instant now, String actor) {
        stamp.moved();
        int version = nextVersion(id);
        int updated = db.update(RULE).set(RULE.VERSION, version).set(RULE.SCOPE_TEAM, team)
                .set(RULE.SCOPE_SERVICE, service).set(RULE.DOCUMENT, document).set(RULE.UPDATED_AT, now)
                .where(RULE.ID.eq(id)).execute();
        if (updated == 0) {
            db.insertInto(RULE, RULE.ID, RULE.VERSION, RULE.SCOPE_TEAM, RULE.SCOPE_SERVICE, RULE.DOCUMENT, RULE.UPDATED_AT)
                    .values(id, version, team, service, document, now).execute();
        }
        db.insertInto(RULE_VERSION, RULE_VERSION.RULE_ID, RULE_VERSION.VERSION, RULE_VERSION.DOCUMENT,
                RULE_VERSION.CHANGED_AT, RULE_VERSION.CHANGED_BY).values(id, version, document, now, actor).execute();
        return version;
    }

    /** Deletes rule {@code id}, keeping a version that says so. */
    void delete(String id, Instant now, String actor) {
        stamp.moved();
        int version = nextVersion(id);
        db.deleteFrom(RULE).where(RULE.ID.eq(id)).execute();
        db.insertInto(RULE_VERSION, RULE_VERSION.RULE_ID, RULE_VERSION.VERSION, RULE_VERSION.DOCUMENT,
                RULE_VERSION.CHANGED_AT, RULE_VERSION.CHANGED_BY).values(id, version, null, now, actor).execute();
    }

    /** The document of version {@code version} of rule {@code id}; empty for a deletion or no such version. */
    Optional<String> documentAt(String id, int version) {
        return db.select(RULE_VERSION.DOCUMENT).from(RULE_VERSION)
                .where(RULE_VERSION.RULE_ID.eq(id)).and(RULE_VERSION.VERSION.eq(version))
                .fetchOptional(RULE_VERSION.DOCUMENT);
    }

    private int nextVersion(String id) {
        Integer last = db.select(DSL.max(RULE_VERSION.VERSION)).from(RULE_VERSION).where(RULE_VERSION.RULE_ID.eq(id))
                .fetchOne(0, Integer.class);
        return last == null ? 1 : last + 1;
    }
}
