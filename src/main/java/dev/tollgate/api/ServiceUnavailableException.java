package dev.tollgate.api;

import java.time.Duration;

/**
 * Tollgate cannot serve the request now but may soon (a store down, the ingest path saturated):
 * answered with {@code status} (503 or 429) and a {@code Retry-After} header.
 */
public class ServiceUnavailableException extends RuntimeException {

    private final int status;
    private final Duration retryAfter;

    public ServiceUnavailableException(int status, String detail, Duration retryAfter, Throwable cause) {
        super(detail, cause);
        if (status != 503 && status != 429) {
            throw new IllegalArgumentException("status must be 503 or 429");
        }
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
