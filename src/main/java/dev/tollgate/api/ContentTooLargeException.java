package dev.tollgate.api;

/** A request larger than a limit of API.md (bytes or points): answered 413. */
public class ContentTooLargeException extends RuntimeException {

    public ContentTooLargeException(String detail) {
        super(detail);
    }
}
