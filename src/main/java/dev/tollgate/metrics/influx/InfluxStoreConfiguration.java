package dev.tollgate.metrics.influx;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/**
 * Puts the InfluxDB store in place when {@code tollgate.influx.url} is set; the embedded store
 * steps back then. Deployments, test runs and goals stay in the relational database.
 */
@Configuration
@ConditionalOnExpression("!'${tollgate.influx.url:}'.isBlank()")
class InfluxStoreConfiguration {

    @Bean(destroyMethod = "close")
    InfluxMetricStore influxMetricStore(InfluxProperties properties) {
        InfluxMetricStore store = new InfluxMetricStore(properties);
        store.createDatabase();
        return store;
    }

    /**
     * The {@code influx} component of {@code /actuator/health}: DOWN, with the reason as the
     * status's description (shown to everyone; details stay hidden), while InfluxDB does not
     * answer its ping within {@code tollgate.influx.timeout}.
     */
    @Bean
    HealthIndicator influxHealthIndicator(InfluxMetricStore store) {
        return () -> store.unavailability()
                .map(reason -> Health.status(new Status(Status.DOWN.getCode(), reason)).build())
                .orElseGet(() -> Health.up().build());
    }
}
