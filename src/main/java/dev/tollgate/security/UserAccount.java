package dev.tollgate.security;

import java.time.Instant;
import java.util.Set;

/** A UI user as listed: never with its password. {@code teams} are the teams a TEAM_LEAD leads. */
public record UserAccount(String username, String displayName, Role role, Set<String> teams, Instant createdAt,
        Instant updatedAt) {

    public UserAccount {
        teams = Set.copyOf(teams);
    }
}
