package dev.tollgate.delivery;

import java.util.function.BiFunction;

import dev.tollgate.api.Violation;

/**
 * One reported item and how to name its faults in the terms of the request that carried it: a
 * JSON pointer into a {@code POST /deployments} body, or the index of a CDEvent and the CDEvent
 * field the value came from.
 *
 * @param faults turns a field of the report ({@code service}, {@code stage} …) and a message into
 *               the violation the caller sees
 */
record Reported<T>(T report, BiFunction<String, String, Violation> faults) {

    /** Faults named by a JSON pointer to the field in a request body of its own. */
    static <T> Reported<T> inBody(T report) {
        return new Reported<>(report, (field, message) -> Violation.at("/" + field, message));
    }

    Violation fault(String field, String message) {
        return faults.apply(field, message);
    }
}
