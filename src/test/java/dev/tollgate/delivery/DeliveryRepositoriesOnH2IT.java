package dev.tollgate.delivery;

import dev.tollgate.testing.H2TestDatabase;
import dev.tollgate.testing.TestDatabase;

class DeliveryRepositoriesOnH2IT extends DeliveryRepositoriesContract {

    @Override
    protected TestDatabase openDatabase() {
        return H2TestDatabase.open();
    }
}
