package dev.tollgate.metrics.jdbc;

import dev.tollgate.testing.H2TestDatabase;
import dev.tollgate.testing.TestDatabase;

class JdbcMetricStoreDurabilityOnH2IT extends JdbcMetricStoreDurabilityContract {

    @Override
    TestDatabase openDatabase() {
        return H2TestDatabase.open();
    }
}
