package dev.tollgate.catalog;

import dev.tollgate.testing.PostgresTestDatabase;
import dev.tollgate.testing.TestDatabase;

class CatalogRepositoriesOnPostgresIT extends CatalogRepositoriesContract {

    @Override
    TestDatabase openDatabase() {
        return PostgresTestDatabase.open();
    }
}
