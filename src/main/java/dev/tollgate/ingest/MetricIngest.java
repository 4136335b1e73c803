package dev.tollgate.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import dev.tollgate.api.ApiTime;
import dev.tollgate.api.ContentTooLargeException;
import dev.tollgate.api.Identifier;
import dev.tollgate.api.MetricKey;
import dev.tollgate.api.StorableText;
import dev.tollgate.api.Violations;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.TeamCatalog;
import dev.tollgate.metrics.MetricPoint;
import dev.tollgate.metrics.MetricStore;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;

/**
 * Checks a request's points whole, places them on their teams, and writes them all or none.
 * Every fault is named (up to API.md's hundred); a point for a service the catalog does not know
 * registers that service, unless {@code tollgate.ingest.auto-register} is off.
 */
@Service
class MetricIngest {

    private final ServiceCatalog services;
    private final TeamCatalog teams;
    private final MetricStore store;
    private final CurrentCaller callers;
    private final IngestMeters meters;
    private final Clock clock;
    private final boolean autoRegister;

    MetricIngest(ServiceCatalog services, TeamCatalog teams, MetricStore store, CurrentCaller callers,
            IngestMeters meters, Clock clock, @Value("${tollgate.ingest.auto-register:true}") boolean autoRegister) {
        this.services = services;
        this.teams = teams;
        this.store = store;
        this.callers = callers;
        this.meters = meters;
        this.clock = clock;
        this.autoRegister = autoRegister;
    }

    /** Writes the points, or refuses them all; answers how many were stored. */
    int accept(List<IncomingPoint> points, String endpoint) {
        Caller caller = callers.get();
        caller.require(Scope.INGEST);
        if (points.size() > IngestLimits.MAX_POINTS_PER_REQUEST) {
            meters.refused(endpoint, "too_many_points", points.size());
            throw new ContentTooLargeException("A request may hold at most " + IngestLimits.MAX_POINTS_PER_REQUEST
                    + " points; this one holds " + points.size());
        }
        Instant now = clock.instant();
        Violations violations = new Violations();
        Set<String> serviceIds = new HashSet<>();
        Set<String> teamIds = new HashSet<>();
        // A tag map found valid, by identity, with its immutable copy: the points of one series
        // share their map, so each map is checked and copied once a request, not once a point.
        Map<Map<String, String>, Map<String, String>> validTags = new IdentityHashMap<>();
        // The fields of a line come one after another as points of one placement, the very same
        // strings: a placement found good is not checked or collected again for the next point.
        IncomingPoint placedWell = null;
        for (IncomingPoint point : points) {
            boolean placedAsBefore = placedWell != null && point.service() == placedWell.service()
                    && point.team() == placedWell.team() && point.stage() == placedWell.stage();
            boolean placedGood = check(point, now, violations, validTags, !placedAsBefore);
            if (placedAsBefore) {
                continue;
            }
            placedWell = placedGood ? point : null;
            if (point.service() != null && Identifier.isValid(point.service())) {
                serviceIds.add(point.service());
            }
            if (point.team() != null && point.service() == null && Identifier.isValid(point.team())) {
                teamIds.add(point.team());
            }
        }
        Map<String, String> owners = services.ownersOf(serviceIds);
        Set<String> unknownServices = new HashSet<>(serviceIds);
        unknownServices.removeAll(owners.keySet());
        Set<String> knownTeams = teams.existing(teamIds);
        if ((!autoRegister && !unknownServices.isEmpty()) || !knownTeams.containsAll(teamIds)) {
            for (IncomingPoint point : points) {
                if (point.service() != null && unknownServices.contains(point.service()) && !autoRegister) {
                    violations.add(point.fault("service", "service '" + point.service() + "' is not in the catalog"));
                }
                if (point.service() == null && point.team() != null && teamIds.contains(point.team())
                        && !knownTeams.contains(point.team())) {
                    violations.add(point.fault("team", "team '" + point.team() + "' is not in the catalog"));
                }
            }
        }
        if (!violations.isEmpty()) {
            meters.refused(endpoint, "invalid", points.size());
        }
        violations.throwIfAny("No point was stored: the request holds points that are not valid");

        // A team-bound caller's new services are its team's; others start unowned.
        String newOwner = caller.actsOnAllTeams() ? null : caller.teams().iterator().next();
        for (String service : unknownServices) {
            owners.put(service, newOwner);
        }
        List<MetricPoint> stored = new ArrayList<>(points.size());
        IncomingPoint allowed = null;
        String team = null;
        for (IncomingPoint point : points) {
            if (allowed == null || point.service() != allowed.service() || point.team() != allowed.team()) {
                team = point.service() != null ? owners.get(point.service()) : point.team();
                if (!caller.mayActOn(team)) {
                    meters.refused(endpoint, "forbidden", points.size());
                    throw new AccessDeniedException(point.service() != null
                            ? "Not allowed to write to service '" + point.service() + "'"
                            : "Not allowed to write to team '" + point.team() + "'");
                }
                allowed = point;
            }
            Map<String, String> tags = point.tags() == null || point.tags().isEmpty() ? Map.of()
                    : validTags.get(point.tags());
            stored.add(new MetricPoint(point.metric(), team, point.service(), point.stage(),
                    point.time() == null ? now : point.time(), point.value(), tags));
        }
        if (!unknownServices.isEmpty()) {
            services.registerFromIngest(unknownServices, newOwner);
        }
        meters.timeWrite(endpoint, () -> store.write(stored));
        meters.accepted(endpoint, stored.size());
        return stored.size();
    }

    /** Answers whether the point's placement is good; without {@code withPlacement} it is not checked. */
    private static boolean check(IncomingPoint point, Instant now, Violations violations,
            Map<Map<String, String>, Map<String, String>> validTags, boolean withPlacement) {
        if (point.metric() == null) {
            violations.add(point.fault("metric", "is required"));
        } else if (!MetricKey.isValid(point.metric())) {
            violations.add(point.fault("metric", "must be " + MetricKey.DESCRIPTION));
        }
        boolean placedGood = !withPlacement || checkPlacement(point, violations);
        if (point.value() == null) {
            violations.add(point.fault("value", "is required"));
        } else if (!Double.isFinite(point.value())) {
            violations.add(point.fault("value", "must be a finite number"));
        }
        if (point.time() != null) {
            if (point.time().isBefore(Instant.EPOCH)) {
                violations.add(point.fault("time", "is before 1970"));
            } else if (point.time().isAfter(now.plus(ApiTime.MAX_AHEAD))) {
                violations.add(point.fault("time", ApiTime.AHEAD_DESCRIPTION));
            }
        }
        checkTags(point, violations, validTags);
        return placedGood;
    }

    /** Checks the point's service, team and stage; answers whether they are good. */
    private static boolean checkPlacement(IncomingPoint point, Violations violations) {
        int before = violations.count();
        if ((point.service() == null) == (point.team() == null)) {
            violations.add(point.fault(point.service() == null ? "service" : "team",
                    "a point names exactly one of service or team"));
        } else if (point.service() != null && !Identifier.isValid(point.service())) {
            violations.add(point.fault("service", "must be " + Identifier.DESCRIPTION));
        } else if (point.team() != null && !Identifier.isValid(point.team())) {
            violations.add(point.fault("team", "must be " + Identifier.DESCRIPTION));
        }
        if (point.stage() != null) {
            if (point.service() == null) {
                violations.add(point.fault("stage", "only a service point has a stage"));
            } else if (!Identifier.isValid(point.stage())) {
                violations.add(point.fault("stage", "must be " + Identifier.DESCRIPTION));
            }
        }
        return violations.count() == before;
    }

    private static void checkTags(IncomingPoint point, Violations violations,
            Map<Map<String, String>, Map<String, String>> validTags) {
        Map<String, String> tags = point.tags();
        if (tags == null || tags.isEmpty() || validTags.containsKey(tags)) {
            return;
        }
        int before = violations.count();
        if (tags.size() > PointTags.MAX_COUNT) {
            violations.add(point.fault("tags", "a point has at most " + PointTags.MAX_COUNT + " tags"));
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            if (key.isEmpty() || key.length() > PointTags.MAX_KEY_LENGTH) {
                violations.add(point.fault("tags", "tag keys are 1 to " + PointTags.MAX_KEY_LENGTH + " characters"));
            } else if (!StorableText.isValid(key) || (tag.getValue() != null && !StorableText.isValid(tag.getValue()))) {
                violations.add(point.fault("tags", "a tag " + StorableText.DESCRIPTION));
            } else if (tag.getValue() == null) {
                violations.add(point.fault(pointer(key), "must be a string"));
            } else if (tag.getValue().length() > PointTags.MAX_VALUE_LENGTH) {
                violations.add(point.fault(pointer(key),
                        "must be at most " + PointTags.MAX_VALUE_LENGTH + " characters"));
            }
        }
        if (violations.count() == before) {
            validTags.put(tags, Map.copyOf(tags));
        }
    }

    /** The JSON pointer of tag {@code key} below the point. */
    private static String pointer(String key) {
        return "tags/" + key.replace("~", "~0").replace("/", "~1");
    }
}
