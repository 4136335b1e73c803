package dev.tollgate.goals;

import dev.tollgate.testing.H2TestDatabase;
import dev.tollgate.testing.TestDatabase;

class GoalRepositoriesOnH2IT extends GoalRepositoriesContract {

    @Override
    protected TestDatabase openDatabase() {
        return H2TestDatabase.open();
    }
}
