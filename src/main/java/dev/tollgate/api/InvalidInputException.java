package dev.tollgate.api;

import java.util.List;

/** Input that Tollgate refuses as a whole: answered 400 with every violation found. */
public class InvalidInputException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInputException(String detail, List<Violation> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(String pointer, String message) {
        return new InvalidInputException(message, List.of(Violation.at(pointer, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
