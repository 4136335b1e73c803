package dev.tollgate.metrics.jdbc;

import java.time.Clock;

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

    private JdbcMetricStore newStore() {
        return new JdbcMetricStore(database.dsl(), Clock.systemUTC(), MetricStoreProperties.DEFAULTS,
                new SimpleMeterRegistry());
    }
}
