package dev.tollgate.gate;

import dev.tollgate.testing.PostgresTestDatabase;
import dev.tollgate.testing.TestDatabase;

class TeamWebhookRepositoryOnPostgresIT extends TeamWebhookRepositoryContract {

    @Override
    protected TestDatabase openDatabase() {
        return PostgresTestDatabase.open();
    }
}
