package dev.tollgate.goals;

import dev.tollgate.testing.PostgresTestDatabase;
import dev.tollgate.testing.TestDatabase;

class GoalRepositoriesOnPostgresIT extends GoalRepositoriesContract {

    @Override
    protected TestDatabase openDatabase() {
        return PostgresTestDatabase.open();
    }
}
