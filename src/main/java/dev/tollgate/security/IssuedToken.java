package dev.tollgate.security;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to creating a token: the only time its secret is ever shown. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuedToken(String id, String token, String name, Set<Scope> scopes, String team,
        Instant createdAt, Instant expiresAt) {

    static IssuedToken of(ApiToken token, String secret) {
        return new IssuedToken(token.id(), secret, token.name(), token.scopes(), token.team(), token.createdAt(),
                token.expiresAt());
    }

    /** The default would print the secret; this record is answered, never logged whole. */
    @Override
    public String toString() {
        return "IssuedToken[id=" + id + ", token=…, name=" + name + ", scopes=" + scopes + ", team=" + team
                + ", createdAt=" + createdAt + ", expiresAt=" + expiresAt + "]";
    }
}
