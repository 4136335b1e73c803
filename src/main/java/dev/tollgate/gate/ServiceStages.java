package dev.tollgate.gate;

import java.util.Optional;
import java.util.function.Function;

import dev.tollgate.api.Violations;
import dev.tollgate.catalog.ServiceDefinition;

/** The check the gate and overrides share: a service in the catalog, and a stage in its path. */
final class ServiceStages {

    private ServiceStages() {
    }

    /** The service, when it exists and {@code stage} is in its path; otherwise the fault is noted at {@code /service} or {@code /stage}. */
    static Optional<ServiceDefinition> find(Function<String, Optional<ServiceDefinition>> catalog, Violations violations,
            String service, String stage) {
        boolean named = violations.identifier("/service", service);
        boolean staged = violations.identifier("/stage", stage);
        if (!named) {
            return Optional.empty();
        }
        Optional<ServiceDefinition> found = catalog.apply(service);
        if (found.isEmpty()) {
            violations.add("/service", "service '" + service + "' is not in the catalog");
            return Optional.empty();
        }
        if (staged && !found.get().stages().contains(stage)) {
            violations.add("/stage", "stage '" + stage + "' is not in the stage path of service '" + service + "' ("
                    + String.join(", ", found.get().stages()) + ")");
            return Optional.empty();
        }
        return staged ? found : Optional.empty();
    }
}
