package dev.tollgate.review;

import dev.tollgate.testing.PostgresTestDatabase;
import dev.tollgate.testing.TestDatabase;

class ReviewRepositoriesOnPostgresIT extends ReviewRepositoriesContract {

    @Override
    protected TestDatabase openDatabase() {
        return PostgresTestDatabase.open();
    }
}
