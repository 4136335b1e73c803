package dev.tollgate.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.ServiceDefinition;

/**
 * The services a caller may pick from, by id, with their teams and stage paths. Pickers need them
 * all; services number in the hundreds at most, so they are read once per view or form.
 */
final class ServiceChoices {

    private static final int PAGE = 500;

    private final Map<String, ServiceDefinition> services;

    private ServiceChoices(Map<String, ServiceDefinition> services) {
        this.services = services;
    }

    static ServiceChoices load(ServiceCatalog catalog) {
        Map<String, ServiceDefinition> services = new LinkedHashMap<>();
        List<ServiceDefinition> page;
        int offset = 0;
        do {
            page = catalog.list(null, offset, PAGE);
            page.forEach(service -> services.put(service.id(), service));
            offset += PAGE;
        } while (page.size() == PAGE);
        return new ServiceChoices(services);
    }

    List<String> ids() {
        return new ArrayList<>(services.keySet());
    }

    /** The services of one team, in id order; none for no team. */
    List<String> idsOf(String team) {
        return team == null ? List.of()
                : services.values().stream().filter(service -> team.equals(service.team())).map(ServiceDefinition::id)
                        .toList();
    }

    /** The service's promotion path; empty for a service not (or no longer) in the catalog. */
    List<String> stagesOf(String id) {
        ServiceDefinition service = id == null ? null : services.get(id);
        return service == null ? List.of() : service.stages();
    }

    /** Every stage any service has, each once, in the order paths name them. */
    List<String> allStages() {
        return services.values().stream().flatMap(service -> service.stages().stream()).distinct().toList();
    }

    /** The team owning the service; null when unowned or unknown. */
    String teamOf(String id) {
        ServiceDefinition service = id == null ? null : services.get(id);
        return service == null ? null : service.team();
    }
}
