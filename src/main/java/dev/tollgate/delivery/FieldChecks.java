package dev.tollgate.delivery;

import java.time.Instant;
import java.util.regex.Pattern;

import dev.tollgate.api.ApiTime;
import dev.tollgate.api.Identifier;
import dev.tollgate.api.StorableText;
import dev.tollgate.api.Violations;

/** The checks of {@link Violations}, for faults named by a {@link Reported} rather than by a pointer. */
final class FieldChecks {

    private final Reported<?> reported;
    private final Violations violations;

    FieldChecks(Reported<?> reported, Violations violations) {
        this.reported = reported;
        this.violations = violations;
    }

    void add(String field, String message) {
        violations.add(reported.fault(field, message));
    }

    boolean required(String field, Object value) {
        if (value == null) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    boolean identifier(String field, String value) {
        return matches(field, value, Identifier.PATTERN, Identifier.DESCRIPTION);
    }

    boolean matches(String field, String value, Pattern pattern, String description) {
        if (!required(field, value)) {
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            add(field, "must be " + description);
            return false;
        }
        return true;
    }

    boolean optionalText(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
            return false;
        }
        if (value != null && !StorableText.isValid(value)) {
            add(field, StorableText.DESCRIPTION);
            return false;
        }
        return true;
    }

    /** A reported time may lie behind, never far ahead: a time a year ahead is a wrong clock or a wrong unit. */
    void notFarAhead(String field, Instant time, Instant now) {
        if (time != null && time.isAfter(now.plus(ApiTime.MAX_AHEAD))) {
            add(field, ApiTime.AHEAD_DESCRIPTION);
        }
    }

    /** A count: a whole number from 0 to {@link Integer#MAX_VALUE}. */
    boolean count(String field, Long value) {
        if (!required(field, value)) {
            return false;
        }
        if (value < 0 || value > Integer.MAX_VALUE) {
            add(field, "must be a whole number from 0 to " + Integer.MAX_VALUE);
            return false;
        }
        return true;
    }
}
