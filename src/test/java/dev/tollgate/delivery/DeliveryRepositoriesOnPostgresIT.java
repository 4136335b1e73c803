package dev.tollgate.delivery;

import dev.tollgate.testing.PostgresTestDatabase;
import dev.tollgate.testing.TestDatabase;

class DeliveryRepositoriesOnPostgresIT extends DeliveryRepositoriesContract {

    @Override
    protected TestDatabase openDatabase() {
        return PostgresTestDatabase.open();
    }
}
