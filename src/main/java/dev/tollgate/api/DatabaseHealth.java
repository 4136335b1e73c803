package dev.tollgate.api;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code db} component of {@code /actuator/health}, in place of Spring Boot's: when the
 * database cannot be reached it is DOWN with the reason as the status's description, which
 * {@code /actuator/health} shows to everyone (details, which may name hosts and drivers, stay
 * hidden). Asking takes at most Hikari's connection timeout.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    /** Seconds the driver may take to confirm the connection works. */
    private static final int VALIDATION_SECONDS = 1;

    private final DataSource dataSource;

    DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALIDATION_SECONDS)) {
                return Health.up().build();
            }
            return down("the database did not confirm a connection within " + VALIDATION_SECONDS + " s");
        } catch (SQLException | RuntimeException e) {
            return down(DatabaseOutages.isOutage(e) ? DatabaseOutages.REASON : "the database answered with an error");
        }
    }

    private static Health down(String reason) {
        return Health.status(new Status(Status.DOWN.getCode(), reason)).build();
    }
}
