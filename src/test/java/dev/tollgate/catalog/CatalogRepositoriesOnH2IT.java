package dev.tollgate.catalog;

import dev.tollgate.testing.H2TestDatabase;
import dev.tollgate.testing.TestDatabase;

class CatalogRepositoriesOnH2IT extends CatalogRepositoriesContract {

    @Override
    protected TestDatabase openDatabase() {
        return H2TestDatabase.open();
    }
}
