package dev.tollgate.security;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An API token as listed: everything but its secret, which is shown once at creation only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiToken(String id, String name, Set<Scope> scopes, String team, String createdBy,
        Instant createdAt, Instant expiresAt, Instant lastUsedAt) {

    public boolean isExpired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
