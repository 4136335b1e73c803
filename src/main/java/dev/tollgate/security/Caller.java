package dev.tollgate.security;

import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

/**
 * Whoever is asking: an API token, a UI user, or Tollgate itself. Services check a caller's
 * scopes and teams, so the REST API and the UI are held to the same rules.
 *
 * @param actor         how the audit log names the caller, e.g. {@code token:ci-pipeline}
 * @param scopes        the effective scopes ({@code admin} already expanded)
 * @param teams         the teams the caller may act on, or {@code null} for every team
 * @param readsAnyTeam  whether the caller may read teams it cannot act on (UI users may;
 *                      a team-bound token may not)
 */
public record Caller(String actor, Set<Scope> scopes, Set<String> teams, boolean readsAnyTeam) {

    public static final Caller SYSTEM = new Caller("system", Scope.effective(Set.of(Scope.ADMIN)), null, true);

    public Caller {
        scopes = Set.copyOf(scopes);
        teams = teams == null ? null : Set.copyOf(teams);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    /** Whether the caller is bound to no team, and so may act across all of them. */
    public boolean actsOnAllTeams() {
        return teams == null;
    }

    public boolean mayActOn(String team) {
        return teams == null || (team != null && teams.contains(team));
    }

    public boolean mayRead(String team) {
        return has(Scope.READ) && (readsAnyTeam || mayActOn(team));
    }

    public void require(Scope scope) {
        if (!has(scope)) {
            throw new AccessDeniedException("This requires the '" + scope.wireName() + "' scope");
        }
    }

    /** Requires the scope and that the caller may act on the team. */
    public void require(Scope scope, String team) {
        require(scope);
        if (!mayActOn(team)) {
            throw new AccessDeniedException(team == null
                    ? "This is reserved to callers that are not bound to a team"
                    : "Not allowed to act on team '" + team + "'");
        }
    }

    /** Requires the scope and that the caller is bound to no team (global settings). */
    public void requireUnbound(Scope scope) {
        require(scope, null);
    }

    public void requireRead(String team) {
        require(Scope.READ);
        if (!mayRead(team)) {
            throw new AccessDeniedException("Not allowed to read team '" + team + "'");
        }
    }
}
