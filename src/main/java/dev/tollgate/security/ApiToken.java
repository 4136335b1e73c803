package dev.tollgate.security;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An API token as listed: everything but its secret, which is shown once at creation only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiToken(String id, String name, Set<Scope> scopes, String team, String createdBy,
        Instant createdAt, Instant expiresAt, Instant lastUsedAt) {

    /** Whether this is the token of {@code TOLLGATE_BOOTSTRAP_TOKEN}, which start-up recreates. */
    public boolean fromBootstrap() {
        return ApiTokens.BOOTSTRAP_CREATOR.equals(createdBy);
    }

    /** The token as it is once its use at {@code at} is recorded. */
    ApiToken usedAt(Instant at) {
        return new ApiToken(id, name, scopes, team, createdBy, createdAt, expiresAt, at);
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
