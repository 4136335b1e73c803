package dev.tollgate.api;

/** A request that contradicts the current state, such as deleting a team that owns services: 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
