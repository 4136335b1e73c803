package dev.tollgate.api;

import java.io.IOException;

/** Thrown while reading a body sent as gzip that is not; answered 400. */
public final class BadGzipException extends IOException {

    static final String MESSAGE = "The request body is marked Content-Encoding: gzip but is not valid gzip";

    BadGzipException(IOException cause) {
        super(MESSAGE, cause);
    }
}
