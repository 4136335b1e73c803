package dev.tollgate.gate;

import java.time.Instant;

/** The body of {@code POST /api/v1/overrides}. */
public record OverrideRequest(String service, String stage, String version, String reason, Instant expiresAt) {
}
