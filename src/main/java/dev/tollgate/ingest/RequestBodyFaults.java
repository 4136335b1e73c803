package dev.tollgate.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.tollgate.api.BadGzipException;
import dev.tollgate.api.BodyTooLargeException;
import dev.tollgate.api.InvalidInputException;

/**
 * What to answer when reading a body fails: the body limit's own faults (413, bad gzip) pass
 * through parsers that wrap them, for the API's error handler to answer; anything else is a 400.
 */
final class RequestBodyFaults {

    private RequestBodyFaults() {
    }

    /** Lets the body limit's faults through a parser that wrapped them. */
    static void rethrow(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException || cause instanceof BadGzipException) {
                throw new UncheckedIOException((IOException) cause);
            }
        }
    }

    static RuntimeException unreadable(IOException e) {
        rethrow(e);
        return InvalidInputException.of("/", "the request body could not be read to its end");
    }
}
