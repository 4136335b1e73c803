package dev.tollgate.security;

import java.time.Instant;

/** Which audit events to list, newest first; any field may be null. */
public record AuditQuery(Instant from, Instant to, String actor, String targetType, String targetId) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);
}
