package dev.tollgate.metrics;

import java.time.Duration;

import dev.tollgate.api.ServiceUnavailableException;

/**
 * The store cannot be read or written now (database or InfluxDB down, disk full). Writers answer
 * 503 with Retry-After; the gate answers STOP with this as the reason.
 */
public class MetricStoreUnavailableException extends ServiceUnavailableException {

    /** How long a writer is told to wait before it tries again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public MetricStoreUnavailableException(String message, Throwable cause) {
        super(503, message, RETRY_AFTER, cause);
    }
}
