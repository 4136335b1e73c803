package dev.tollgate.storage;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/** {@code dataFolder} (the bean name less its suffix) in {@code /actuator/health}: DOWN, with the reason as its description, while writes are refused. */
@Component
class DataFolderHealthIndicator implements HealthIndicator {

    private final DataFolder folder;

    DataFolderHealthIndicator(DataFolder folder) {
        this.folder = folder;
    }

    @Override
    public Health health() {
        if (!folder.watched()) {
            return Health.up().withDetail("watched", false).build();
        }
        // The reason as the status's description, which /actuator/health shows to everyone, as db's.
        return folder.refusal().map(reason -> Health.status(new Status(Status.DOWN.getCode(), reason)).build())
                .orElseGet(() -> Health.up().build());
    }
}
