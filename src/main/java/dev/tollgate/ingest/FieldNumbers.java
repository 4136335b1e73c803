package dev.tollgate.ingest;

import java.nio.charset.StandardCharsets;

/**
 * The numbers of line-protocol field values, read straight from the body's bytes. Every method
 * answers the value as a double, NaN when the text is not such a number, and an infinity when it
 * is one but out of range: no allocation and no exception on the hot path.
 */
final class FieldNumbers {

    /** Powers of ten that a double holds exactly: the fast path multiplies or divides by one of them. */
    private static final double[] EXACT_POWERS_OF_TEN = {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };
    private static final long LARGEST_EXACT_MANTISSA = 1L << 53;
    private static final int MAX_SIGNIFICANT_DIGITS = 18;
    /** Exponents beyond this are far outside a double's range either way; capping them keeps the int from overflowing. */
    private static final int EXPONENT_CAP = 100_000;
    private static final long MAX_UNSIGNED_DIV_10 = Long.divideUnsigned(-1L, 10);

    private FieldNumbers() {
    }

    /**
     * A float as the reference writes it: {@code -?(digits[.digits]|.digits)([eE][+-]?digits)?}.
     * Go's parser, which InfluxDB uses, accepts more (hex, underscores, "Inf"); InfluxDB itself
     * does not, and neither does Tollgate.
     */
    static double parseFloat(byte[] bytes, int from, int to) {
        int i = from;
        boolean negative = i < to && bytes[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int significantDigits = 0;
        int digits = 0;
        int scale = 0;
        boolean exact = true;
        for (; i < to && isDigit(bytes[i]); i++, digits++) {
            if (significantDigits < MAX_SIGNIFICANT_DIGITS) {
                mantissa = mantissa * 10 + (bytes[i] - '0');
                if (mantissa != 0) {
                    significantDigits++;
                }
            } else {
                exact = false;
            }
        }
        if (i < to && bytes[i] == '.') {
            for (i++; i < to && isDigit(bytes[i]); i++, digits++) {
                if (significantDigits < MAX_SIGNIFICANT_DIGITS) {
                    mantissa = mantissa * 10 + (bytes[i] - '0');
                    scale--;
                    if (mantissa != 0) {
                        significantDigits++;
                    }
                } else {
                    exact = false;
                }
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        int exponent = 0;
        if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
            i++;
            boolean negativeExponent = i < to && bytes[i] == '-';
            if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
                i++;
            }
            int exponentDigits = 0;
            for (; i < to && isDigit(bytes[i]); i++, exponentDigits++) {
                if (exponent < EXPONENT_CAP) {
                    exponent = exponent * 10 + (bytes[i] - '0');
                }
            }
            if (exponentDigits == 0) {
                return Double.NaN;
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i != to) {
            return Double.NaN;
        }
        double value;
        int power = exponent + scale;
        if (mantissa == 0 && exact) {
            value = 0.0;
        } else if (exact && mantissa <= LARGEST_EXACT_MANTISSA && power >= -22 && power <= 22) {
            // Both operands are exact doubles, so one IEEE operation rounds correctly (Clinger's fast path).
            value = power >= 0 ? mantissa * EXACT_POWERS_OF_TEN[power] : mantissa / EXACT_POWERS_OF_TEN[-power];
        } else {
            // The syntax is checked above, so Java reads exactly the numbers the reference allows.
            return Double.parseDouble(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
        }
        return negative ? -value : value;
    }

    /** A signed 64-bit integer, {@code -?digits} (the caller strips the trailing {@code i}). */
    static double parseInteger(byte[] bytes, int from, int to) {
        int i = from;
        boolean negative = i < to && bytes[i] == '-';
        if (negative) {
            i++;
        }
        if (i == to) {
            return Double.NaN;
        }
        // Accumulate negatively: Long.MIN_VALUE has no positive counterpart.
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long limitBeforeMultiply = limit / 10;
        long result = 0;
        boolean overflow = false;
        for (; i < to; i++) {
            if (!isDigit(bytes[i])) {
                return Double.NaN;
            }
            int digit = bytes[i] - '0';
            if (overflow || result < limitBeforeMultiply || result * 10 < limit + digit) {
                overflow = true;
                continue;
            }
            result = result * 10 - digit;
        }
        if (overflow) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return negative ? result : -result;
    }

    /**
     * An unsigned 64-bit integer, {@code digits} (the caller strips the trailing {@code u}). A
     * minus sign is out of range rather than malformed: that is what the writer needs to hear.
     */
    static double parseUnsigned(byte[] bytes, int from, int to) {
        int i = from;
        if (i < to && bytes[i] == '-') {
            return isDigits(bytes, i + 1, to) ? Double.NEGATIVE_INFINITY : Double.NaN;
        }
        if (i == to) {
            return Double.NaN;
        }
        long result = 0;
        boolean overflow = false;
        for (; i < to; i++) {
            if (!isDigit(bytes[i])) {
                return Double.NaN;
            }
            int digit = bytes[i] - '0';
            if (overflow || Long.compareUnsigned(result, MAX_UNSIGNED_DIV_10) > 0) {
                overflow = true;
                continue;
            }
            long next = result * 10 + digit;
            if (Long.compareUnsigned(next, result * 10) < 0) {
                overflow = true;
                continue;
            }
            result = next;
        }
        if (overflow) {
            return Double.POSITIVE_INFINITY;
        }
        return unsignedToDouble(result);
    }

    /** Rounds correctly: halving keeps the lowest bit sticky, so the one rounding step sees it. */
    static double unsignedToDouble(long value) {
        if (value >= 0) {
            return value;
        }
        return ((double) ((value >>> 1) | (value & 1))) * 2.0;
    }

    /** A boolean as the reference spells it: 1 for t, T, true, True, TRUE; 0 for f, F, false, False, FALSE; NaN otherwise. */
    static double parseBoolean(byte[] bytes, int from, int to) {
        int length = to - from;
        byte first = bytes[from];
        if (length == 1) {
            return first == 't' || first == 'T' ? 1.0 : first == 'f' || first == 'F' ? 0.0 : Double.NaN;
        }
        if (matches(bytes, from, to, "true") || matches(bytes, from, to, "True") || matches(bytes, from, to, "TRUE")) {
            return 1.0;
        }
        if (matches(bytes, from, to, "false") || matches(bytes, from, to, "False") || matches(bytes, from, to, "FALSE")) {
            return 0.0;
        }
        return Double.NaN;
    }

    /** NaN and the infinities as Go or Java would spell them: refused with their own message. */
    static boolean isNonFinite(byte[] bytes, int from, int to) {
        int i = from;
        if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
            i++;
        }
        return matchesIgnoringCase(bytes, i, to, "nan") || matchesIgnoringCase(bytes, i, to, "inf")
                || matchesIgnoringCase(bytes, i, to, "infinity");
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isDigits(byte[] bytes, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isDigit(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(byte[] bytes, int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (bytes[from + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesIgnoringCase(byte[] bytes, int from, int to, String lowerCaseWord) {
        if (to - from != lowerCaseWord.length()) {
            return false;
        }
        for (int i = 0; i < lowerCaseWord.length(); i++) {
            if ((bytes[from + i] | 0x20) != lowerCaseWord.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
