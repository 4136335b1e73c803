package dev.tollgate.security;

import dev.tollgate.testing.PostgresTestDatabase;
import dev.tollgate.testing.TestDatabase;

class SecurityRepositoriesOnPostgresIT extends SecurityRepositoriesContract {

    @Override
    protected TestDatabase openDatabase() {
        return PostgresTestDatabase.open();
    }
}
