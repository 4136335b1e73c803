package dev.tollgate.metrics.jdbc;

import dev.tollgate.testing.H2TestDatabase;
import dev.tollgate.testing.TestDatabase;

class JdbcMetricStoreOnH2IT extends JdbcMetricStoreContract {

    @Override
    TestDatabase openDatabase() {
        return H2TestDatabase.open();
    }
}
