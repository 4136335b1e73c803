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
}
