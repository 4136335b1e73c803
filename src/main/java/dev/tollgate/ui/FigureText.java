package dev.tollgate.ui;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import dev.tollgate.scorecard.ScorecardStatus;

/**
 * How a scorecard figure reads on screen: its value with its unit, its change against the period
 * before with an arrow, and whether that change is for the better. English number format on every
 * browser, so that a figure reads the same in a screenshot, a test and the CSV.
 */
final class FigureText {

    static final String NONE = "—";

    private FigureText() {
    }

    /** "99.95%", "1,204", "312 ms", "1.4 per day", "3.5 h"; {@link #NONE} when there was nothing to count. */
    static String value(Double value, String unit) {
        if (value == null || !Double.isFinite(value)) {
            return NONE;
        }
        String u = unit == null ? "" : unit.strip();
        return switch (u.toLowerCase(Locale.ROOT)) {
            case "percent", "%", "pct" -> percent(value) + "%";
            case "", "count", "number" -> number(value);
            case "hours", "hour", "h" -> number(value) + " h";
            case "days", "day", "d" -> number(value) + " d";
            case "minutes", "minute", "min" -> number(value) + " min";
            case "seconds", "second", "s" -> number(value) + " s";
            default -> number(value) + " " + u;
        };
    }

    /**
     * Grouped whole numbers from a thousand up, at most one decimal from a hundred, two below: as
     * many digits as a reader compares at a glance.
     */
    static String number(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return format("#,##0", value);
        }
        if (magnitude >= 100) {
            return format("0.#", value);
        }
        if (magnitude > 0 && magnitude < 0.01) {
            return format("0.####", value);
        }
        return format("0.##", value);
    }

    /** Availability lives in the nines: 99.95% and 99.999% must not both read as 100%. */
    private static String percent(double value) {
        return value > 99 && value < 100 ? format("0.###", value) : number(value);
    }

    /** "↑ 12.5%", "↓ 3%", "→ 0%"; {@link #NONE} when there is no period before to compare with. */
    static String delta(Double deltaPct) {
        if (deltaPct == null || !Double.isFinite(deltaPct)) {
            return NONE;
        }
        return arrow(deltaPct) + " " + number(Math.abs(deltaPct)) + "%";
    }

    static String arrow(double deltaPct) {
        return deltaPct > 0 ? "↑" : deltaPct < 0 ? "↓" : "→";
    }

    /** Whether the change was for the better, given which way is better: "good", "bad" or "flat". */
    static String deltaTone(Double deltaPct, String better) {
        if (deltaPct == null || !Double.isFinite(deltaPct) || deltaPct == 0 || better == null) {
            return "flat";
        }
        boolean higherIsBetter = "HIGHER".equalsIgnoreCase(better);
        return (deltaPct > 0) == higherIsBetter ? "good" : "bad";
    }

    /** "target 99.9%"; empty when the figure has none. */
    static String target(Double target, String unit) {
        return target == null ? "" : "target " + value(target, unit);
    }

    /** The CSS class of a status, for badges and heat-map cells: {@code status-good}, {@code status-no-data}. */
    static String statusClass(ScorecardStatus status) {
        return "status-" + (status == null ? ScorecardStatus.NO_DATA : status).name().toLowerCase(Locale.ROOT)
                .replace('_', '-');
    }

    /** "Good", "Watch", "Bad", "No data". */
    static String statusLabel(ScorecardStatus status) {
        return switch (status == null ? ScorecardStatus.NO_DATA : status) {
            case GOOD -> "Good";
            case WATCH -> "Watch";
            case BAD -> "Bad";
            case NO_DATA -> "No data";
        };
    }

    private static String format(String pattern, double value) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setRoundingMode(RoundingMode.HALF_UP);
        String text = format.format(value);
        // Rounding can leave a sign on a zero ("-0"): a figure that rounds to nothing has no sign.
        return text.matches("-0([.,]0*)?") ? text.substring(1) : text;
    }
}
