package dev.tollgate.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tollgate.api.ConflictException;
import dev.tollgate.api.NotFoundException;
import dev.tollgate.api.Violations;
import dev.tollgate.security.ApiTokens;
import dev.tollgate.security.AuditLog;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;

/** Teams: read with 'read', changed with 'admin'; a team-bound caller sees and changes only its own. */
@Service
public class TeamCatalog {

    private final TeamRepository teams;
    private final ServiceRepository services;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final ApiTokens tokens;
    private final Clock clock;

    TeamCatalog(TeamRepository teams, ServiceRepository services, CurrentCaller callers, AuditLog audit,
            ApiTokens tokens, Clock clock) {
        this.teams = teams;
        this.services = services;
        this.callers = callers;
        this.audit = audit;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Team> list(int offset, int limit) {
        Caller caller = callers.get();
        caller.require(Scope.READ);
        return teams.find(visibleTeams(caller), offset, limit);
    }

    @Transactional(readOnly = true)
    public int count() {
        Caller caller = callers.get();
        caller.require(Scope.READ);
        return teams.count(visibleTeams(caller));
    }

    @Transactional(readOnly = true)
    public Team get(String id) {
        callers.get().requireRead(id);
        return teams.find(id).orElseThrow(() -> new NotFoundException("Team", id));
    }

    @Transactional
    public Saved<Team> put(String id, TeamDraft draft) {
        callers.get().require(Scope.ADMIN, id);
        Violations violations = new Violations();
        validate(violations, "", id, draft);
        violations.throwIfAny("The team was not saved");
        return save(id, draft);
    }

    /** Deletes a team that owns no services; tokens bound to it and its team-lead links go with it. */
    @Transactional
    public void delete(String id) {
        callers.get().require(Scope.ADMIN, id);
        Team team = teams.find(id).orElseThrow(() -> new NotFoundException("Team", id));
        int owned = services.countOwnedBy(id);
        if (owned > 0) {
            throw new ConflictException("Team '" + id + "' still owns " + owned + (owned == 1 ? " service" : " services")
                    + "; move or delete them first");
        }
        teams.delete(id);
        tokens.forgetTeamOnCommit(id);
        audit.record("TEAM_DELETED", "team", id, "name=" + team.name() + "; tokens bound to it were deleted with it");
    }

    /** Validates a team given as {@code id} and {@code draft}, naming faults under {@code prefix}. */
    static void validate(Violations violations, String prefix, String id, TeamDraft draft) {
        violations.identifier(prefix.isEmpty() ? "team" : prefix + "/id", id);
        if (draft == null) {
            violations.add(prefix.isEmpty() ? "/" : prefix, "must be an object with a name");
            return;
        }
        violations.text(prefix + "/name", draft.name(), Team.MAX_NAME_LENGTH);
        violations.optionalText(prefix + "/description", draft.description(), Team.MAX_DESCRIPTION_LENGTH);
    }

    /** Stores a validated team, and audits it when anything changed. */
    Saved<Team> save(String id, TeamDraft draft) {
        Instant now = clock.instant();
        var existing = teams.find(id);
        if (existing.isEmpty()) {
            Team team = new Team(id, draft.name().strip(), draft.normalizedDescription(), now, now);
            teams.insert(team);
            audit.record("TEAM_CREATED", "team", id, "name=" + team.name());
            return new Saved<>(team, true);
        }
        if (existing.get().sameContent(draft)) {
            return new Saved<>(existing.get(), false);
        }
        Team team = new Team(id, draft.name().strip(), draft.normalizedDescription(), existing.get().createdAt(), now);
        teams.update(team);
        audit.record("TEAM_UPDATED", "team", id, "name=" + team.name());
        return new Saved<>(team, false);
    }

    /** Which of {@code ids} are teams, for features that place data on teams (ingestion). */
    @Transactional(readOnly = true)
    public Set<String> existing(Set<String> ids) {
        return ids.stream().filter(teams::exists).collect(java.util.stream.Collectors.toSet());
    }

    private static Set<String> visibleTeams(Caller caller) {
        return caller.readsAnyTeam() ? null : caller.teams();
    }
}
