package dev.tollgate.metrics.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tollgate.catalog.Aggregation;
import dev.tollgate.metrics.MetricAggregate;
import dev.tollgate.metrics.MetricSelector;
import dev.tollgate.metrics.MetricStore;
import dev.tollgate.metrics.MetricStoreContract;
import dev.tollgate.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The store contract for the embedded store. A restart here is the hard kind: the old instance is
 * dropped with whatever it held in memory, a new one replays the write-ahead batches, flushes them
 * into the hourly rows, and a third instance answers from those rows.
 */
abstract class JdbcMetricStoreContract extends MetricStoreContract {

    private TestDatabase database;

    abstract TestDatabase openDatabase();

    @Override
    protected MetricStore openStore() {
        database = openDatabase();
        return newStore();
    }

    @Override
    protected MetricStore restart(MetricStore store) {
        newStore().flush();
        return newStore();
    }

    @Override
    protected void closeStore(MetricStore store) {
        database.close();
    }

    /** A store adds hours up in the database: a sum past the range of a double must read as Java's own addition does. */
    @Test
    public void sums_past_the_range_of_a_double_read_as_infinity_and_counts_still_add_up() {
        String service = unique("overflow");
        write(point("huge", "payments", service, "prod", "10:00", Double.MAX_VALUE),
                point("huge", "payments", service, "prod", "11:00", Double.MAX_VALUE),
                point("huge", "payments", service, "prod", "12:00", -1),
                point("tiny", "payments", service, "prod", "10:00", -Double.MAX_VALUE),
                point("tiny", "payments", service, "prod", "11:00", -Double.MAX_VALUE));
        MetricSelector huge = MetricSelector.ofService("huge", service, "prod");
        MetricSelector tiny = MetricSelector.ofService("tiny", service, "prod");

        verify(() -> {
            MetricAggregate sum = aggregate(huge, Aggregation.SUM, "00:00", "2026-03-03T00:00");
            assertThat(sum.count()).isEqualTo(3);
            assertThat(sum.value()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(aggregate(huge, Aggregation.MAX, "00:00", "2026-03-03T00:00").value()).isEqualTo(Double.MAX_VALUE);
            assertThat(aggregate(tiny, Aggregation.SUM, "00:00", "2026-03-03T00:00").value())
                    .isEqualTo(Double.NEGATIVE_INFINITY);
        });
    }

    private JdbcMetricStore newStore() {
        return new JdbcMetricStore(database.dsl(), Clock.systemUTC(), MetricStoreProperties.DEFAULTS,
                new SimpleMeterRegistry(), Optional::empty);
    }
}
