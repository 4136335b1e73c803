package dev.tollgate.security;

import java.time.Instant;

/** One entry of the audit log: who did what to which thing, and when. */
public record AuditEvent(long id, Instant occurredAt, String actor, String action, String targetType,
        String targetId, String detail) {
}
