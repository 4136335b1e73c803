package dev.tollgate.api;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns a JSON or YAML reading failure into a violation in the caller's terms, without class names. */
public final class JsonFaults {

    private JsonFaults() {
    }

    /** Says where in the body the fault is (a JSON pointer) and what it is. */
    public static Violation describe(JacksonException e) {
        String pointer = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()))
                .map(part -> "/" + part.replace("~", "~0").replace("/", "~1"))
                .collect(Collectors.joining());
        String message;
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            message = "is followed by more than one JSON value";
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException format) {
            message = expectation(format.getTargetType());
        } else if (e instanceof MismatchedInputException mismatch) {
            message = expectation(mismatch.getTargetType());
        } else if (e instanceof StreamReadException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Duplicate")) {
            message = "holds a field given twice";
        } else if (e instanceof StreamReadException read) {
            message = "is not well-formed" + (read.getLocation() == null ? ""
                    : " (line " + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr() + ")");
        } else {
            message = "could not be read";
        }
        return new Violation(pointer.isEmpty() ? "/" : pointer, null, null, message);
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == Instant.class) {
            return "must be " + ApiTime.DESCRIPTION;
        }
        if (type.isEnum()) {
            return "must be one of " + List.of(type.getEnumConstants()).stream().map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type";
    }
}
