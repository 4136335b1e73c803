package dev.tollgate.api;

import java.io.IOException;

/**
 * Thrown while reading a request body that crosses API.md's 10 MiB (after decompression);
 * answered 413. Controllers that read bodies themselves let it through.
 */
public final class BodyTooLargeException extends IOException {

    static final String MESSAGE = "The request body is larger than the limit of 10 MiB (after decompression)";

    BodyTooLargeException() {
        super(MESSAGE);
    }
}
