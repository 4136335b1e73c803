package dev.tollgate.storage;

import java.time.Duration;

import dev.tollgate.api.ServiceUnavailableException;

/** A write refused because the data folder is full or read-only: 503, worth trying again later. */
class DataFolderFullException extends ServiceUnavailableException {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(60);

    DataFolderFullException(String detail) {
        super(503, detail, RETRY_AFTER, null);
    }
}
