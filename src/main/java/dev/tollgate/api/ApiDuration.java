package dev.tollgate.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as API.md accepts them: ISO-8601 ({@code PT1H}, {@code P7D}) or {@code 30s 15m 1h 7d}. */
public final class ApiDuration {

    public static final String DESCRIPTION = "an ISO-8601 duration (PT1H, P7D) or one of the short forms 30s, 15m, 1h, 7d";

    private static final Pattern SHORT = Pattern.compile("^(\\d{1,9})([smhd])$");

    private ApiDuration() {
    }

    public static Optional<Duration> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        Matcher shortForm = SHORT.matcher(trimmed);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return Optional.of(switch (shortForm.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        try {
            return Optional.of(Duration.parse(trimmed));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** ISO-8601, the form Tollgate answers with. */
    public static String format(Duration duration) {
        return duration.toString();
    }
}
