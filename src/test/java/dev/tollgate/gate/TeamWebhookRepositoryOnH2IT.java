package dev.tollgate.gate;

import dev.tollgate.testing.H2TestDatabase;
import dev.tollgate.testing.TestDatabase;

class TeamWebhookRepositoryOnH2IT extends TeamWebhookRepositoryContract {

    @Override
    protected TestDatabase openDatabase() {
        return H2TestDatabase.open();
    }
}
