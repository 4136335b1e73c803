package dev.tollgate.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tollgate.api.NotFoundException;
import dev.tollgate.api.Violations;
import dev.tollgate.security.AuditLog;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;

/** Services and their stage paths. A team-bound caller sees and changes only its team's services. */
@Service
public class ServiceCatalog {

    private final ServiceRepository services;
    private final CatalogStamp stamp;
    private final StampedServices stamped;
    private final TeamRepository teams;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final Clock clock;

    ServiceCatalog(ServiceRepository services, CatalogStamp stamp, StampedServices stamped, TeamRepository teams,
            CurrentCaller callers, AuditLog audit, Clock clock) {
        this.services = services;
        this.stamp = stamp;
        this.stamped = stamped;
        this.teams = teams;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    /** Services in id order, of one team when {@code team} is given. */
    @Transactional(readOnly = true)
    public List<ServiceDefinition> list(String team, int offset, int limit) {
        Caller caller = callers.get();
        if (team != null) {
            caller.requireRead(team);
        } else {
            caller.require(Scope.READ);
        }
        return services.find(team, visibleTeams(caller), offset, limit);
    }

    @Transactional(readOnly = true)
    public int count(String team) {
        Caller caller = callers.get();
        if (team != null) {
            caller.requireRead(team);
        } else {
            caller.require(Scope.READ);
        }
        return services.count(team, visibleTeams(caller));
    }

    @Transactional(readOnly = true)
    public ServiceDefinition get(String id) {
        Caller caller = callers.get();
        caller.require(Scope.READ);
        ServiceDefinition service = services.find(id).orElseThrow(() -> new NotFoundException("Service", id));
        if (!caller.readsAnyTeam() && !caller.mayActOn(service.team())) {
            throw new AccessDeniedException("Not allowed to read service '" + id + "'");
        }
        return service;
    }

    /** For features that need a service by id without a caller's check of their own (ingest, gate). */
    @Transactional(readOnly = true)
    public Optional<ServiceDefinition> find(String id) {
        return services.find(id);
    }

    /**
     * The owning team of each known service among {@code ids}: null when unowned, absent when
     * unknown; a map the caller may change. From the services in memory as they stood at the
     * stamp read now: every ingest request asks for all its services, and a query naming five
     * hundred of them cost more than the rest of checking its points.
     */
    @Transactional(readOnly = true)
    public Map<String, String> ownersOf(Set<String> ids) {
        long now = stamp.current();
        Map<String, String> owners = new HashMap<>();
        for (String id : ids) {
            stamped.find(now, id).ifPresent(service -> owners.put(id, service.team()));
        }
        return owners;
    }

    /**
     * Registers services that ingestion met before anyone put them in the catalog, with no stage
     * path yet: owned by {@code team} when a team-bound caller wrote them, else by nobody (admins
     * see them in the services view, to give them a team and a path). The caller checked the
     * right to write; a service another writer registered meanwhile keeps its owner.
     */
    @Transactional
    public void registerFromIngest(Set<String> ids, String team) {
        for (String id : services.insertFromIngest(ids, team, clock.instant())) {
            audit.record("SERVICE_REGISTERED", "service", id, team == null
                    ? "registered by ingestion, owned by no team yet"
                    : "registered by ingestion for team " + team);
        }
    }

    @Transactional
    public Saved<ServiceDefinition> put(String id, ServiceDraft draft) {
        Caller caller = callers.get();
        caller.require(Scope.ADMIN, draft == null ? null : draft.team());
        Violations violations = new Violations();
        validate(violations, "", id, draft);
        violations.throwIfAny("The service was not saved");
        if (!teams.exists(draft.team())) {
            violations.add("/team", "team '" + draft.team() + "' does not exist");
            violations.throwIfAny("The service was not saved");
        }
        return save(caller, id, draft);
    }

    @Transactional
    public void delete(String id) {
        Caller caller = callers.get();
        ServiceDefinition service = services.find(id).orElseThrow(() -> new NotFoundException("Service", id));
        caller.require(Scope.ADMIN, service.team());
        services.delete(id);
        audit.record("SERVICE_DELETED", "service", id, describe(service));
    }

    static void validate(Violations violations, String prefix, String id, ServiceDraft draft) {
        violations.identifier(prefix.isEmpty() ? "service" : prefix + "/id", id);
        if (draft == null) {
            violations.add(prefix.isEmpty() ? "/" : prefix, "must be an object with a team and stages");
            return;
        }
        violations.identifier(prefix + "/team", draft.team());
        violations.optionalText(prefix + "/name", draft.name(), ServiceDefinition.MAX_NAME_LENGTH);
        if (draft.stages() == null || draft.stages().isEmpty()) {
            violations.add(prefix + "/stages", "must list at least one stage, in promotion order");
            return;
        }
        if (draft.stages().size() > ServiceDefinition.MAX_STAGES) {
            violations.add(prefix + "/stages", "must list at most " + ServiceDefinition.MAX_STAGES + " stages");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < draft.stages().size(); i++) {
            String stage = draft.stages().get(i);
            if (violations.identifier(prefix + "/stages/" + i, stage) && !seen.add(stage)) {
                violations.add(prefix + "/stages/" + i, "stage '" + stage + "' appears twice in the path");
            }
        }
    }

    /** Stores a validated service whose team exists; audits it when anything changed. */
    Saved<ServiceDefinition> save(Caller caller, String id, ServiceDraft draft) {
        Instant now = clock.instant();
        String name = draft.name() == null || draft.name().isBlank() ? id : draft.name().strip();
        Optional<ServiceDefinition> existing = services.find(id);
        if (existing.isEmpty()) {
            ServiceDefinition service = new ServiceDefinition(id, draft.team(), name, draft.stages(), now, now);
            services.insert(service);
            audit.record("SERVICE_CREATED", "service", id, describe(service));
            return new Saved<>(service, true);
        }
        ServiceDefinition before = existing.get();
        if (before.team() != null) {
            // Moving a service needs the right to act on the team it leaves as well.
            caller.require(Scope.ADMIN, before.team());
        }
        if (before.sameContent(draft.team(), name, draft.stages())) {
            return new Saved<>(before, false);
        }
        ServiceDefinition service = new ServiceDefinition(id, draft.team(), name, draft.stages(), before.createdAt(), now);
        services.update(service);
        audit.record("SERVICE_UPDATED", "service", id, describe(service));
        return new Saved<>(service, false);
    }

    private static Set<String> visibleTeams(Caller caller) {
        return caller.readsAnyTeam() ? null : caller.teams();
    }

    private static String describe(ServiceDefinition service) {
        return "team=" + service.team() + " name=" + service.name() + " stages=" + String.join(" → ", service.stages());
    }
}
