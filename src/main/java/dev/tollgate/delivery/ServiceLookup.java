package dev.tollgate.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;

import dev.tollgate.api.Identifier;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.ServiceDefinition;
import dev.tollgate.security.Caller;
import dev.tollgate.security.Scope;

/** The services one request names, each looked up in the catalog once however often it is named. */
final class ServiceLookup {

    private final ServiceCatalog catalog;
    private final Map<String, Optional<ServiceDefinition>> found = new HashMap<>();

    ServiceLookup(ServiceCatalog catalog) {
        this.catalog = catalog;
    }

    Optional<ServiceDefinition> find(String id) {
        return found.computeIfAbsent(id, catalog::find);
    }

    /**
     * The service a report is placed on, when it exists, the caller may ingest for its team and
     * the stage is in its path; otherwise the fault is named and the answer is empty. Unlike
     * metrics, deployments and test runs never register a service: an unknown one is most likely
     * a typo, and without a stage path the stage could not be checked.
     *
     * @throws org.springframework.security.access.AccessDeniedException when the caller is bound
     *         to another team than the service's
     */
    Optional<ServiceDefinition> place(FieldChecks checks, String service, String stage, Caller caller) {
        if (!Identifier.isValid(service)) {
            return Optional.empty();
        }
        Optional<ServiceDefinition> found = find(service);
        if (found.isEmpty()) {
            checks.add("service", "service '" + service + "' is not in the catalog");
            return Optional.empty();
        }
        caller.require(Scope.INGEST, found.get().team());
        if (Identifier.isValid(stage) && !found.get().stages().contains(stage)) {
            checks.add("stage", "stage '" + stage + "' is not in the stage path of service '" + service + "' ("
                    + String.join(", ", found.get().stages()) + ")");
            return Optional.empty();
        }
        return found;
    }

    /**
     * The service a listing is filtered by, when the caller may read it; empty for an unknown
     * service, which has nothing to list.
     *
     * @throws AccessDeniedException when the caller is bound to another team than the service's
     */
    static Optional<ServiceDefinition> readable(ServiceCatalog catalog, Caller caller, String service) {
        Optional<ServiceDefinition> found = catalog.find(service);
        if (found.isPresent() && !caller.readsAnyTeam() && !caller.mayActOn(found.get().team())) {
            throw new AccessDeniedException("Not allowed to read service '" + service + "'");
        }
        return found;
    }

    /** The services a caller bound to teams may read; null for a caller that reads every team. */
    static Set<String> readableServices(ServiceCatalog catalog, Caller caller) {
        if (caller.readsAnyTeam()) {
            return null;
        }
        return catalog.list(null, 0, Integer.MAX_VALUE).stream().map(ServiceDefinition::id).collect(Collectors.toSet());
    }
}
