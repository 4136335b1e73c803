package dev.tollgate.catalog;

import dev.tollgate.testing.PostgresTestDatabase;
import dev.tollgate.testing.TestDatabase;

class CatalogRepositoriesOnPostgresIT extends CatalogRepositoriesContract {

    @Override
    protected TestDatabase openDatabase() {
        return PostgresTestDatabase.open();
    }
}
