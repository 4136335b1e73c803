package dev.tollgate.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Times as API.md accepts them: RFC 3339 with an offset ({@code 2026-11-26T10:00:00Z}) or epoch
 * milliseconds. A time without an offset is refused: guessing a zone shifts data by hours.
 */
public final class ApiTime {

    public static final String DESCRIPTION =
            "an RFC 3339 time with an offset (2026-11-26T10:00:00Z) or epoch milliseconds";

    private ApiTime() {
    }

    /** Parses a query parameter or text field; empty when the text is not a time. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (trimmed.chars().allMatch(Character::isDigit) && trimmed.length() <= 15) {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(trimmed)));
        }
        try {
            return Optional.of(OffsetDateTime.parse(trimmed).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
