package dev.tollgate.gate;

import java.time.Instant;

/**
 * A time-boxed permission to promote whatever the rules say: of {@code service} into
 * {@code stage}, of one {@code version} or (null) any. It holds from {@code createdAt} until
 * {@code expiresAt} unless revoked first.
 */
public record GateOverride(String id, String service, String stage, String version, String reason, Instant expiresAt,
        Instant createdAt, String createdBy, Instant revokedAt, String revokedBy) {

    public static final int MIN_REASON_LENGTH = 10;
    public static final int MAX_REASON_LENGTH = 1000;

    public boolean holdsAt(Instant now) {
        return revokedAt == null && !now.isBefore(createdAt) && now.isBefore(expiresAt);
    }
}
