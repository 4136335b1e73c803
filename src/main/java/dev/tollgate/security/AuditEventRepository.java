package dev.tollgate.security;

import static dev.tollgate.db.Tables.AUDIT_EVENT;

import java.util.ArrayList;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class AuditEventRepository {

    private final DSLContext db;

    AuditEventRepository(DSLContext db) {
        this.db = db;
    }

    void insert(AuditEvent event) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, event.occurredAt())
                .set(AUDIT_EVENT.ACTOR, event.actor())
                .set(AUDIT_EVENT.ACTION, event.action())
                .set(AUDIT_EVENT.TARGET_TYPE, event.targetType())
                .set(AUDIT_EVENT.TARGET_ID, event.targetId())
                .set(AUDIT_EVENT.DETAIL, event.detail())
                .execute();
    }

    List<AuditEvent> find(AuditQuery query, int offset, int limit) {
        return db.selectFrom(AUDIT_EVENT)
                .where(conditions(query))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new AuditEvent(r.getId(), r.getOccurredAt(), r.getActor(), r.getAction(),
                        r.getTargetType(), r.getTargetId(), r.getDetail()));
    }

    int count(AuditQuery query) {
        return db.fetchCount(AUDIT_EVENT, conditions(query));
    }

    private static List<Condition> conditions(AuditQuery query) {
        List<Condition> conditions = new ArrayList<>();
        if (query.from() != null) {
            conditions.add(AUDIT_EVENT.OCCURRED_AT.ge(query.from()));
        }
        if (query.to() != null) {
            conditions.add(AUDIT_EVENT.OCCURRED_AT.lt(query.to()));
        }
        if (query.actor() != null) {
            conditions.add(AUDIT_EVENT.ACTOR.eq(query.actor()));
        }
        if (query.targetType() != null) {
            conditions.add(AUDIT_EVENT.TARGET_TYPE.eq(query.targetType()));
        }
        if (query.targetId() != null) {
            conditions.add(AUDIT_EVENT.TARGET_ID.eq(query.targetId()));
        }
        return conditions;
    }
}
