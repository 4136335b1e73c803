package dev.tollgate.review;

import dev.tollgate.testing.H2TestDatabase;
import dev.tollgate.testing.TestDatabase;

class ReviewRepositoriesOnH2IT extends ReviewRepositoriesContract {

    @Override
    protected TestDatabase openDatabase() {
        return H2TestDatabase.open();
    }
}
