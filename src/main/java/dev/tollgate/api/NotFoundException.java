package dev.tollgate.api;

/** A named thing that does not exist: answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, String id) {
        super(kind + " '" + id + "' does not exist");
    }
}
