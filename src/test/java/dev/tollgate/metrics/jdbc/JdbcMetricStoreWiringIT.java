package dev.tollgate.metrics.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.tollgate.api.ServiceUnavailableException;
import dev.tollgate.catalog.Aggregation;
import dev.tollgate.metrics.MetricPoint;
import dev.tollgate.metrics.MetricSelector;
import dev.tollgate.metrics.MetricStore;
import dev.tollgate.storage.WriteRefusals;
import dev.tollgate.testing.H2TestDatabase;
import dev.tollgate.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The embedded store is the MetricStore unless an InfluxDB is configured; its settings bind. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcMetricStoreWiringIT {

    private TestDatabase database;
    private volatile Optional<String> refusal = Optional.empty();

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MetricStoreProperties.class)
    @Import({ JdbcMetricStore.class, MetricStoreMaintenance.class })
    static class EmbeddedStore {
    }

    @BeforeAll
    void open() {
        database = H2TestDatabase.open();
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void the_embedded_store_is_the_metric_store_by_default_with_its_maintenance() {
        runner().run(context -> {
            assertThat(context).hasSingleBean(MetricStore.class).hasSingleBean(MetricStoreMaintenance.class);
            assertThat(context.getBean(MetricStore.class)).isInstanceOf(JdbcMetricStore.class);
            assertThat(context.getBean(MetricStoreMaintenance.class).isRunning()).isTrue();
            assertThat(context.getBean(JdbcMetricStore.class).properties()).isEqualTo(MetricStoreProperties.DEFAULTS);
        });
    }

    @Test
    void the_embedded_store_writes_nothing_while_the_data_folder_refuses_writes() {
        runner().run(context -> {
            MetricStore store = context.getBean(MetricStore.class);
            String service = "refused-" + UUID.randomUUID();
            MetricPoint point = new MetricPoint("requests", "team", service, "prod", Instant.now(), 1, Map.of());
            refusal = Optional.of("The data folder has less than 1 GiB free");
            try {
                assertThatThrownBy(() -> store.write(List.of(point))).isInstanceOf(ServiceUnavailableException.class)
                        .hasMessageContaining("less than 1 GiB free");
            } finally {
                refusal = Optional.empty();
            }
            store.write(List.of(point));
            context.getBean(JdbcMetricStore.class).flush();
            assertThat(store.aggregate(MetricSelector.ofService("requests", service, "prod"), Aggregation.COUNT,
                    Instant.now().minusSeconds(3600), Instant.now().plusSeconds(60)).count()).isEqualTo(1);
        });
    }

    @Test
    void an_influx_url_leaves_the_metric_store_to_the_influx_adapter() {
        runner().withPropertyValues("tollgate.influx.url=http://localhost:8086").run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(MetricStore.class).doesNotHaveBean(MetricStoreMaintenance.class));
    }

    @Test
    void a_blank_influx_url_keeps_the_embedded_store() {
        runner().withPropertyValues("tollgate.influx.url= ")
                .run(context -> assertThat(context).hasSingleBean(MetricStore.class));
    }

    @Test
    void retention_and_flush_are_configurable() {
        runner().withPropertyValues("tollgate.metrics.retention.raw=36h", "tollgate.metrics.retention.rollups=P30D",
                "tollgate.metrics.retention.interval=15m", "tollgate.metrics.flush-interval=PT30S",
                "tollgate.metrics.flush-rows=5000", "tollgate.metrics.flush-points=200000", "tollgate.metrics.flush-minutes=30000").run(context -> {
                    MetricStoreProperties properties = context.getBean(JdbcMetricStore.class).properties();
                    assertThat(properties.retention().raw()).isEqualTo(Duration.ofHours(36));
                    assertThat(properties.retention().rollups()).isEqualTo(Duration.ofDays(30));
                    assertThat(properties.retention().interval()).isEqualTo(Duration.ofMinutes(15));
                    assertThat(properties.flushInterval()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(properties.flushRows()).isEqualTo(5_000);
                    assertThat(properties.flushPoints()).isEqualTo(200_000);
                    assertThat(properties.flushMinutes()).isEqualTo(30_000);
                });
    }

    @Test
    void a_retention_that_is_not_positive_stops_the_start() {
        runner().withPropertyValues("tollgate.metrics.retention.raw=0s").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("tollgate.metrics.retention.raw"));
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withBean(DSLContext.class, () -> database.dsl())
                .withBean(Clock.class, Clock::systemUTC)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(WriteRefusals.class, () -> () -> refusal)
                .withUserConfiguration(EmbeddedStore.class);
    }
}
