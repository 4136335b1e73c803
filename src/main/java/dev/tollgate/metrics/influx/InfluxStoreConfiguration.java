package dev.tollgate.metrics.influx;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tollgate.metrics.MetricStore;

/**
 * Puts the InfluxDB store in place when {@code tollgate.influx.url} is set; the embedded store
 * steps back then. Deployments, test runs and goals stay in the relational database.
 */
@Configuration
@ConditionalOnExpression("!'${tollgate.influx.url:}'.isBlank()")
class InfluxStoreConfiguration {

    @Bean(destroyMethod = "close")
    MetricStore influxMetricStore(InfluxProperties properties) {
        InfluxMetricStore store = new InfluxMetricStore(properties);
        store.createDatabase();
        return store;
    }
}
