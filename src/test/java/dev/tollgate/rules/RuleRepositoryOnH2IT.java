package dev.tollgate.rules;

import dev.tollgate.testing.H2TestDatabase;
import dev.tollgate.testing.TestDatabase;

class RuleRepositoryOnH2IT extends RuleRepositoryContract {

    @Override
    protected TestDatabase openDatabase() {
        return H2TestDatabase.open();
    }
}
