package dev.tollgate.metrics;

/**
 * The store cannot be read or written now (database or InfluxDB down, disk full). Writers answer
 * 503 with Retry-After; the gate answers STOP with this as the reason.
 */
public class MetricStoreUnavailableException extends RuntimeException {

    public MetricStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
