package dev.tollgate.api;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Times as API.md accepts them: RFC 3339 with an offset ({@code 2026-11-26T10:00:00Z}) or epoch
 * milliseconds. A time without an offset is refused: guessing a zone shifts data by hours.
 * Only 1970-01-01 to 9999-12-31 (UTC) is accepted: RFC 3339 has four-digit years, epoch figures
 * before 1970 are negative in every store and tool that reads them back, and a year like 292278994
 * is a typo or an attack, never a deployment.
 */
public final class ApiTime {

    public static final Instant MIN = Instant.EPOCH;
    public static final Instant MAX = LocalDate.of(9999, 12, 31).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
            .minusNanos(1);

    /** How far ahead of now a reported time (a point, a deployment, a test run) may be: clocks drift, a day is a mistake. */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);
    public static final String AHEAD_DESCRIPTION = "is more than a day in the future";

    public static final String DESCRIPTION =
            "an RFC 3339 time with an offset (2026-11-26T10:00:00Z) or epoch milliseconds, from 1970 to 9999";
    public static final String DATE_DESCRIPTION = "a date such as 2026-12-31, from 1970 to 9999";

    /** Four-digit years only: {@link LocalDate#parse} also takes {@code +10000-01-01} and {@code -0001-01-01}. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private ApiTime() {
    }

    /** Parses a query parameter or text field; empty when the text is not a time, or not one from 1970 to 9999. */
    public static Optional<Instant> parse(String text) {
        return parseAnyYear(text).flatMap(ApiTime::inRange);
    }

    /**
     * Parses a time of any year: for a caller that checks the range itself, so that a time before
     * 1970 is named among the other faults of a request instead of stopping its reading.
     */
    public static Optional<Instant> parseAnyYear(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (allDigits(trimmed) && trimmed.length() <= 15) {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(trimmed)));
        }
        Instant utc = UtcTimes.parse(trimmed);
        if (utc != null) {
            return Optional.of(utc);
        }
        try {
            return Optional.of(OffsetDateTime.parse(trimmed).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether every character is a digit (as {@link Character#isDigit(char)}, which {@link Long#parseLong} reads). */
    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A time in a JSON tree: a string as {@link #parse(String)} reads it, or an integer of epoch milliseconds. */
    public static Optional<Instant> parse(JsonNode node) {
        if (node.isString()) {
            return parse(node.stringValue());
        }
        return node.isIntegralNumber() && node.canConvertToLong() ? ofEpochMilli(node.longValue()) : Optional.empty();
    }

    /** Epoch milliseconds as an instant; empty when they lie outside 1970 to 9999. */
    public static Optional<Instant> ofEpochMilli(long millis) {
        return millis < 0 ? Optional.empty() : inRange(Instant.ofEpochMilli(millis));
    }

    /** A date ({@code 2026-12-31}, a four-digit year); empty when the text is none, or one outside 1970 to 9999. */
    public static Optional<LocalDate> parseDate(String text) {
        if (text == null || !DATE.matcher(text.strip()).matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            return date.getYear() < 1970 ? Optional.empty() : Optional.of(date);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> inRange(Instant instant) {
        return instant.isBefore(MIN) || instant.isAfter(MAX) ? Optional.empty() : Optional.of(instant);
    }
}
