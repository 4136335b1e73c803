package dev.tollgate.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One offending item of a refused request. Exactly one of {@code pointer} (a JSON pointer into
 * the body, or the name of a query parameter), {@code index} (of an item in a JSON array) or
 * {@code line} (of a line-protocol body) says where.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String pointer, Integer index, Integer line, String message) {

    public static Violation at(String pointer, String message) {
        return new Violation(pointer, null, null, message);
    }

    public static Violation atIndex(int index, String message) {
        return new Violation(null, index, null, message);
    }

    public static Violation atLine(int line, String message) {
        return new Violation(null, null, line, message);
    }
}
