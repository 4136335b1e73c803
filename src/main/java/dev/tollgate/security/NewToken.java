package dev.tollgate.security;

import java.time.Instant;
import java.util.List;

/** The body of {@code POST /api/v1/tokens}. Scopes arrive as names so a wrong one can be named back. */
public record NewToken(String name, List<String> scopes, String team, Instant expiresAt) {
}
