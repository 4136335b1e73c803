package dev.tollgate.metrics.jdbc;

import dev.tollgate.testing.PostgresTestDatabase;
import dev.tollgate.testing.TestDatabase;

class JdbcMetricStoreOnPostgresIT extends JdbcMetricStoreContract {

    @Override
    TestDatabase openDatabase() {
        return PostgresTestDatabase.open();
    }
}
