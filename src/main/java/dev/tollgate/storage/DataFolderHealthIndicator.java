package dev.tollgate.storage;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code dataFolder} (the bean name less its suffix) in {@code /actuator/health}: DOWN, with the reason, while writes are refused. */
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
        return folder.refusal().map(reason -> Health.down().withDetail("reason", reason).build())
                .orElseGet(() -> Health.up().build());
    }
}
