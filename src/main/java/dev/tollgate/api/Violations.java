package dev.tollgate.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects what is wrong with a request so that it can be refused whole, naming every item,
 * instead of stopping at the first fault.
 */
public final class Violations {

    /** API.md: "at most 100 listed". */
    public static final int MAX_LISTED = 100;

    private final List<Violation> found;
    /** Put before every pointer: where in a larger document the items checked here sit. */
    private final String prefix;

    public Violations() {
        this(new ArrayList<>(), "");
    }

    private Violations(List<Violation> found, String prefix) {
        this.found = found;
        this.prefix = prefix;
    }

    /**
     * Violations that land here with {@code pointer} put before theirs: a part of a document
     * (a rule at {@code /rules/3}) checked by code that knows only the part ({@code /name}).
     */
    public Violations under(String pointer) {
        return new Violations(found, prefix + pointer);
    }

    public Violations add(Violation violation) {
        found.add(prefix.isEmpty() || violation.pointer() == null ? violation
                : new Violation(prefix + (violation.pointer().equals("/") ? "" : violation.pointer()), violation.index(),
                        violation.line(), violation.message()));
        return this;
    }

    public Violations add(String pointer, String message) {
        return add(Violation.at(pointer, message));
    }

    public int count() {
        return found.size();
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** What was found so far, in the order found: for a check that answers faults rather than refusing. */
    public List<Violation> list() {
        return List.copyOf(found);
    }

    /** Checks a required identifier (team, service, stage, rule, goal). */
    public boolean identifier(String pointer, String value) {
        return matches(pointer, value, Identifier.PATTERN, Identifier.DESCRIPTION);
    }

    /** Checks a required metric key. */
    public boolean metricKey(String pointer, String value) {
        return matches(pointer, value, MetricKey.PATTERN, MetricKey.DESCRIPTION);
    }

    /** Checks a required text of at most {@code maxLength} characters that is not blank. */
    public boolean text(String pointer, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            add(pointer, "is required");
            return false;
        }
        return optionalText(pointer, value, maxLength);
    }

    /** Checks an optional text of at most {@code maxLength} characters. */
    public boolean optionalText(String pointer, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            add(pointer, "must be at most " + maxLength + " characters");
            return false;
        }
        if (value != null && !StorableText.isValid(value)) {
            add(pointer, StorableText.DESCRIPTION);
            return false;
        }
        return true;
    }

    /** Reads an optional time (RFC 3339 or epoch milliseconds); null when absent or, with its fault noted, when invalid. */
    public Instant optionalTime(String pointer, String text) {
        if (text == null) {
            return null;
        }
        return ApiTime.parse(text).orElseGet(() -> {
            add(pointer, "must be " + ApiTime.DESCRIPTION);
            return null;
        });
    }

    public boolean required(String pointer, Object value) {
        if (value == null) {
            add(pointer, "is required");
            return false;
        }
        return true;
    }

    private boolean matches(String pointer, String value, Pattern pattern, String description) {
        if (value == null) {
            add(pointer, "is required");
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            add(pointer, "must be " + description);
            return false;
        }
        return true;
    }

    /** Throws when anything was found; {@code detail} says what was being refused. */
    public void throwIfAny(String detail) {
        if (!found.isEmpty()) {
            throw new InvalidInputException(detail, found.size() > MAX_LISTED ? found.subList(0, MAX_LISTED) : found);
        }
    }
}
