package dev.tollgate.security;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who changed what. An entry joins the transaction of the change it describes, so the
 * two are committed together or not at all. Entries never hold a secret.
 */
@Service
public class AuditLog {

    public static final int MAX_LIMIT = 1000;
    private static final int MAX_DETAIL_LENGTH = 4000;

    private final AuditEventRepository events;
    private final CurrentCaller callers;
    private final Clock clock;

    AuditLog(AuditEventRepository events, CurrentCaller callers, Clock clock) {
        this.events = events;
        this.callers = callers;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String targetType, String targetId, String detail) {
        String trimmed = detail == null || detail.length() <= MAX_DETAIL_LENGTH ? detail
                : detail.substring(0, MAX_DETAIL_LENGTH - 1) + "…";
        events.insert(new AuditEvent(0, clock.instant(), callers.get().actor(), action, targetType, targetId, trimmed));
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> find(AuditQuery query, int offset, int limit) {
        callers.get().requireUnbound(Scope.ADMIN);
        return events.find(query, offset, Math.min(limit, MAX_LIMIT));
    }

    @Transactional(readOnly = true)
    public int count(AuditQuery query) {
        callers.get().requireUnbound(Scope.ADMIN);
        return events.count(query);
    }
}
