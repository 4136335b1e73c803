package dev.tollgate.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The services as this node last read them, for the gate's every evaluation and every ingest
 * request: read again, all at once, when the {@link CatalogStamp} the caller read has moved since.
 * A service changed on any node therefore holds for the next evaluation or request that reads
 * the stamp after the change committed.
 */
@Component
public class StampedServices {

    private final ServiceRepository services;
    private volatile Snapshot snapshot = new Snapshot(Long.MIN_VALUE, Map.of());

    StampedServices(ServiceRepository services) {
        this.services = services;
    }

    private record Snapshot(long stamp, Map<String, ServiceDefinition> byId) {
    }

    /** The service as it stood at {@code stamp} (or later), read by the caller from {@link CatalogStamp#current()}. */
    public Optional<ServiceDefinition> find(long stamp, String id) {
        Snapshot known = snapshot;
        // The stamp only grows. A snapshot of a later stamp serves a caller of an earlier one: it
        // is at least as new as that caller needs. Reading again on any difference made callers of
        // two stamps (one read before a change, one after) read all services in turn, each undoing
        // the other's snapshot, up to once for every service an ingest request names.
        if (known.stamp() < stamp) {
            // Read after the stamp: what it holds is at least as new as the stamp says.
            known = new Snapshot(stamp, services.all().stream()
                    .collect(Collectors.toUnmodifiableMap(ServiceDefinition::id, Function.identity())));
            snapshot = known;
        }
        return Optional.ofNullable(known.byId().get(id));
    }
}
