package dev.tollgate.goals;

import dev.tollgate.testing.H2TestDatabase;
import dev.tollgate.testing.TestDatabase;

class GoalRepositoriesOnH2IT extends GoalRepositoriesContract {

    @Override
    TestDatabase openDatabase() {
        return H2TestDatabase.open();
    }
}
