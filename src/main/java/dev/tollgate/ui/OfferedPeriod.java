package dev.tollgate.ui;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The periods a scorecard is read over in the views, each in the URL as its ISO-8601 duration
 * ({@code ?period=P28D}) so that a scorecard can be linked as seen. The API takes any duration;
 * the views offer the ones a team lead and a weekly review compare.
 */
enum OfferedPeriod {
    DAY("1 day", Duration.ofDays(1)), WEEK("7 days", Duration.ofDays(7)), FOUR_WEEKS("28 days", Duration.ofDays(28)),
    QUARTER("90 days", Duration.ofDays(90));

    static final String PARAMETER = "period";
    static final OfferedPeriod DEFAULT = WEEK;

    final String label;
    final Duration length;

    OfferedPeriod(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    /** The URL's form: "P7D". */
    String parameter() {
        return "P" + length.toDays() + "D";
    }

    /** The period a URL names; absent when it names none of these (a hand-edited link). */
    static Optional<OfferedPeriod> fromParameter(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Duration length;
        try {
            length = Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(period -> period.length.equals(length)).findFirst();
    }
}
