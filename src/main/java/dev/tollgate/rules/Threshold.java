package dev.tollgate.rules;

import java.time.Duration;
import java.util.Locale;

import dev.tollgate.api.ApiDuration;
import dev.tollgate.catalog.Aggregation;

/**
 * A {@code THRESHOLD} rule's params (API.md "Rules"): it fails when {@code observed operator
 * threshold} holds, where observed is {@code aggregation} of {@code metric} over {@code window}
 * (divided by the same aggregation of {@code per}, when given) for the source stage, the target
 * stage or the team; with {@code relativeTo} the threshold is its factor times the same figure
 * over the preceding window.
 */
record Threshold(String metric, Aggregation aggregation, Duration window, Operator operator, double threshold,
        String per, Of of, RelativeTo relativeTo) implements RuleParams {

    @Override
    public RuleKind kind() {
        return RuleKind.THRESHOLD;
    }


    /** Whose metrics: the stage the version leaves (default), the one it enters, or its team's. */
    enum Of {
        SOURCE, TARGET, TEAM
    }

    enum Operator {
        GT(">", "above"), GE(">=", "at or above"), LT("<", "below"), LE("<=", "at or below");

        private final String symbol;
        private final String words;

        Operator(String symbol, String words) {
            this.symbol = symbol;
            this.words = words;
        }

        boolean holds(double observed, double threshold) {
            return switch (this) {
                case GT -> observed > threshold;
                case GE -> observed >= threshold;
                case LT -> observed < threshold;
                case LE -> observed <= threshold;
            };
        }

        String symbol() {
            return symbol;
        }

        String words() {
            return words;
        }
    }

    /** The baseline: {@code factor} times the figure over the {@code window} before the rule's window. */
    record RelativeTo(Duration window, double factor) {
    }

    /**
     * @param value    the aggregate of {@code metric} over the window, null without data
     * @param perValue the aggregate of {@code per} over the window, when {@code per} is set
     * @param baseline the figure (a ratio, with {@code per}) over the preceding window, with {@code relativeTo}
     * @param where    whose metrics, for the message: "gamma", "team payments"
     */
    RuleResult evaluate(Double value, Double perValue, Double baseline, String where) {
        String over = ApiDuration.format(window);
        String figure = metric + (per == null ? "" : " per " + per) + " " + aggregation.wireName() + " over " + over
                + " in " + where;
        if (value == null) {
            return RuleResult.noData("no " + metric + " over " + over + " in " + where);
        }
        double observed = value;
        if (per != null) {
            if (perValue == null || perValue == 0) {
                return RuleResult.noData("no " + per + " over " + over + " in " + where + " to divide " + metric + " by");
            }
            observed = value / perValue;
        }
        double limit = threshold;
        String limitWords = format(threshold);
        if (relativeTo != null) {
            if (baseline == null) {
                return RuleResult.noData("no baseline of " + figure + " over the " + ApiDuration.format(relativeTo.window())
                        + " before");
            }
            limit = relativeTo.factor() * baseline;
            limitWords = format(limit) + " (" + format(relativeTo.factor()) + " × " + format(baseline) + " over the "
                    + ApiDuration.format(relativeTo.window()) + " before)";
        }
        boolean fails = operator.holds(observed, limit);
        String message = figure + " is " + format(observed) + (fails ? ", " + operator.words() + " " : ", not "
                + operator.words() + " ") + limitWords;
        return (fails ? RuleResult.fail(message) : RuleResult.pass(message)).withFigures(observed, limit);
    }

    static String format(double number) {
        if (number == Math.rint(number) && Math.abs(number) < 1e15) {
            return Long.toString((long) number);
        }
        // Four significant digits without trailing zeros ("0.05", not "0.05000"), cut by hand: a
        // regular expression here was compiled anew for every rule of every gate evaluation.
        String digits = String.format(Locale.ROOT, "%.4g", number);
        if (digits.indexOf('.') < 0 || digits.indexOf('e') >= 0) {
            return digits;
        }
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, digits.charAt(end - 1) == '.' ? end - 1 : end);
    }
}
