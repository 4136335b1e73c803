package dev.tollgate.metrics.jdbc;

import dev.tollgate.testing.PostgresTestDatabase;
import dev.tollgate.testing.TestDatabase;

class JdbcMetricStoreDurabilityOnPostgresIT extends JdbcMetricStoreDurabilityContract {

    @Override
    TestDatabase openDatabase() {
        return PostgresTestDatabase.open();
    }
}
