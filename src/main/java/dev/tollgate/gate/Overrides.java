package dev.tollgate.gate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tollgate.api.GeneratedIds;
import dev.tollgate.api.NotFoundException;
import dev.tollgate.api.Violations;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.ServiceDefinition;
import dev.tollgate.delivery.Version;
import dev.tollgate.security.AuditLog;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;

/**
 * Overrides (API.md "Promotion gate"): a person with the 'override' scope lets a promotion through
 * whatever the rules say, for a stated reason and at most a day. Made and revoked for the
 * service's team only, audited both ways, kept after they end.
 */
@Service
public class Overrides {

    public static final Duration MAX_DURATION = Duration.ofHours(24);
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final OverrideRepository overrides;
    private final ServiceCatalog services;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final Clock clock;

    Overrides(OverrideRepository overrides, ServiceCatalog services, CurrentCaller callers, AuditLog audit, Clock clock) {
        this.overrides = overrides;
        this.services = services;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public GateOverride create(OverrideRequest request) {
        Caller caller = callers.get();
        caller.require(Scope.OVERRIDE);
        Instant now = clock.instant();
        Violations violations = new Violations();
        Optional<ServiceDefinition> service = ServiceStages.find(services::find, violations, request.service(), request.stage());
        if (request.version() != null && !Version.isValid(request.version())) {
            violations.add("/version", "must be " + Version.DESCRIPTION);
        }
        String reason = request.reason() == null ? null : request.reason().strip();
        if (violations.text("/reason", reason, GateOverride.MAX_REASON_LENGTH)
                && reason.length() < GateOverride.MIN_REASON_LENGTH) {
            violations.add("/reason", "must say why in at least " + GateOverride.MIN_REASON_LENGTH + " characters");
        }
        if (violations.required("/expiresAt", request.expiresAt())) {
            if (!request.expiresAt().isAfter(now)) {
                violations.add("/expiresAt", "must be in the future");
            } else if (request.expiresAt().isAfter(now.plus(MAX_DURATION))) {
                violations.add("/expiresAt", "must be at most 24 hours ahead (PT24H): an override is a stopgap, not a rule");
            }
        }
        violations.throwIfAny("The override was not created");
        String team = service.orElseThrow().team();
        caller.require(Scope.OVERRIDE, team);
        GateOverride override = new GateOverride(GeneratedIds.next(), request.service(), request.stage(),
                request.version(), reason, request.expiresAt(), now, caller.actor(), null, null);
        overrides.save(override, team);
        audit.record("OVERRIDE_CREATED", "override", override.id(), describe(override) + " until "
                + override.expiresAt() + ": " + reason);
        return override;
    }

    @Transactional
    public void revoke(String id) {
        Caller caller = callers.get();
        caller.require(Scope.OVERRIDE);
        GateOverride override = overrides.find(id).orElseThrow(() -> new NotFoundException("Override", id));
        caller.require(Scope.OVERRIDE, overrides.teamOf(id).orElse(null));
        if (overrides.revoke(id, clock.instant(), caller.actor())) {
            audit.record("OVERRIDE_REVOKED", "override", id, describe(override));
        }
    }

    @Transactional(readOnly = true)
    public GateOverride get(String id) {
        Caller caller = callers.get();
        caller.require(Scope.READ);
        GateOverride override = overrides.find(id).orElseThrow(() -> new NotFoundException("Override", id));
        String team = overrides.teamOf(id).orElse(null);
        if (!caller.readsAnyTeam() && !caller.mayActOn(team)) {
            throw new AccessDeniedException("Not allowed to read override '" + id + "'");
        }
        return override;
    }

    /** Overrides newest first: those in force, or all of them with {@code all}; of one service when set. */
    @Transactional(readOnly = true)
    public List<GateOverride> list(String service, boolean all, int limit) {
        Caller caller = callers.get();
        caller.require(Scope.READ);
        Violations violations = new Violations();
        if (service != null) {
            violations.identifier("service", service);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add("limit", "must be from 1 to " + MAX_LIMIT);
        }
        violations.throwIfAny("The override query is invalid");
        Set<String> teams = caller.readsAnyTeam() ? null : caller.teams();
        return overrides.list(service, all ? null : clock.instant(), teams, limit);
    }

    /** The override that holds now for this promotion, if any: the gate's question, checking no caller. */
    Optional<GateOverride> holding(String service, String stage, String version, Instant now) {
        return overrides.holding(service, stage, version, now);
    }

    int countHolding() {
        return overrides.countHolding(clock.instant());
    }

    private static String describe(GateOverride override) {
        return override.service() + " into " + override.stage()
                + (override.version() == null ? " (any version)" : " version " + override.version());
    }
}
