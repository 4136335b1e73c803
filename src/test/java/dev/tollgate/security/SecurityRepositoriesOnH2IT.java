package dev.tollgate.security;

import dev.tollgate.testing.H2TestDatabase;
import dev.tollgate.testing.TestDatabase;

class SecurityRepositoriesOnH2IT extends SecurityRepositoriesContract {

    @Override
    protected TestDatabase openDatabase() {
        return H2TestDatabase.open();
    }
}
