package dev.tollgate.delivery;

import java.time.Instant;

/**
 * What a pipeline reports about one run of a test suite (the body of {@code POST /api/v1/test-runs}):
 * how many tests passed and failed. {@code time}, when the run finished, defaults to now.
 */
public record TestRunReport(String service, String stage, String version, String suite, Long passed, Long failed,
        Instant time) {
}
