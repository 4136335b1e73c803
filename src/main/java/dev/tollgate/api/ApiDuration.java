package dev.tollgate.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as API.md accepts them: ISO-8601 ({@code PT1H}, {@code P7D}) or {@code 30s 15m 1h 7d}. */
public final class ApiDuration {

    public static final String DESCRIPTION =
            "a positive ISO-8601 duration (PT1H, P7D, P2W) or one of the short forms 30s, 15m, 1h, 7d";

    private static final Pattern SHORT = Pattern.compile("^(\\d{1,9})([smhd])$");
    /** java.time reads no weeks, ISO-8601 has them. */
    private static final Pattern WEEKS = Pattern.compile("^P(\\d{1,6})W$");

    private ApiDuration() {
    }

    /** A positive duration; empty for anything else, zero and negative ones included. */
    public static Optional<Duration> parse(String text) {
        return parseAny(text).filter(duration -> duration.isPositive());
    }

    private static Optional<Duration> parseAny(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        Matcher weeks = WEEKS.matcher(trimmed.toUpperCase(java.util.Locale.ROOT));
        if (weeks.matches()) {
            return Optional.of(Duration.ofDays(7 * Long.parseLong(weeks.group(1))));
        }
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

    /**
     * ISO-8601, the form Tollgate answers with: whole days as days ({@code P7D}, as people write
     * them), anything else as java.time writes it ({@code PT1H30M}).
     */
    public static String format(Duration duration) {
        long seconds = duration.getSeconds();
        return seconds > 0 && seconds % 86_400 == 0 && duration.getNano() == 0 ? "P" + seconds / 86_400 + "D"
                : duration.toString();
    }
}
