package dev.tollgate.delivery;

import java.time.Instant;

/** One stored run of a test suite against a version of a service in a stage. */
public record TestRun(long id, String service, String stage, String version, String suite, int passed, int failed,
        Instant time) {

    /** Whether the run found nothing wrong: no test failed. */
    public boolean succeeded() {
        return failed == 0;
    }
}
