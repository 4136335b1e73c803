package dev.tollgate.gate;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.HttpApiTest;

/** {@link GateScenario} on the embedded store (H2). */
@HttpApiTest
class GateScenarioOnH2IT extends GateScenario {

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }
}
