package dev.tollgate.ingest;

import java.math.BigInteger;
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
    /** As many decimal digits as always fit an unsigned 64-bit mantissa. */
    private static final int MAX_SIGNIFICANT_DIGITS = 19;
    /** The powers of ten of the Eisel-Lemire table: 128-bit mantissas, rounded down, high and low halves. */
    private static final int MIN_POWER = -348;
    private static final int MAX_POWER = 347;
    private static final long[] POWER_HIGH = new long[MAX_POWER - MIN_POWER + 1];
    private static final long[] POWER_LOW = new long[MAX_POWER - MIN_POWER + 1];

    static {
        for (int power = MIN_POWER; power <= MAX_POWER; power++) {
            BigInteger mantissa;
            if (power >= 0) {
                BigInteger value = BigInteger.TEN.pow(power);
                int shift = value.bitLength() - 128;
                mantissa = shift > 0 ? value.shiftRight(shift) : value.shiftLeft(-shift);
            } else {
                BigInteger divisor = BigInteger.TEN.pow(-power);
                mantissa = BigInteger.ONE.shiftLeft(divisor.bitLength() + 127).divide(divisor);
            }
            POWER_HIGH[power - MIN_POWER] = mantissa.shiftRight(64).longValue();
            POWER_LOW[power - MIN_POWER] = mantissa.longValue();
        }
    }
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
        int power = exponent + scale;
        if (exact) {
            if (mantissa == 0) {
                return negative ? -0.0 : 0.0;
            }
            if (Long.compareUnsigned(mantissa, LARGEST_EXACT_MANTISSA) <= 0 && power >= -22 && power <= 22) {
                // Both operands are exact doubles, so one IEEE operation rounds correctly (Clinger's fast path).
                double value = power >= 0 ? mantissa * EXACT_POWERS_OF_TEN[power]
                        : mantissa / EXACT_POWERS_OF_TEN[-power];
                return negative ? -value : value;
            }
            double value = eiselLemire(mantissa, power, negative);
            if (!Double.isNaN(value)) {
                return value;
            }
        }
        // The syntax is checked above, so Java reads exactly the numbers the reference allows.
        return Double.parseDouble(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
    }

    /**
     * The double nearest to {@code mantissa × 10^power} (mantissa unsigned, not zero), by the
     * Eisel-Lemire algorithm as Go's strconv has it; NaN when it cannot decide, which is rare
     * (halfway cases, subnormals, overflow) and then Java decides. Agents write values such as
     * 12.642857142857142 all the time: too many digits for the fast path above, and Java's general
     * path would cost a String and big-number arithmetic for each.
     */
    static double eiselLemire(long mantissa, int power, boolean negative) {
        if (power < MIN_POWER || power > MAX_POWER) {
            return Double.NaN;
        }
        int leadingZeros = Long.numberOfLeadingZeros(mantissa);
        long normalized = mantissa << leadingZeros;
        long exponent2 = ((217_706L * power) >> 16) + 64 + 1023 - leadingZeros;
        int index = power - MIN_POWER;
        long high = Math.unsignedMultiplyHigh(normalized, POWER_HIGH[index]);
        long low = normalized * POWER_HIGH[index];
        if ((high & 0x1FF) == 0x1FF && Long.compareUnsigned(low + normalized, normalized) < 0) {
            long wideHigh = Math.unsignedMultiplyHigh(normalized, POWER_LOW[index]);
            long wideLow = normalized * POWER_LOW[index];
            long mergedHigh = high;
            long mergedLow = low + wideHigh;
            if (Long.compareUnsigned(mergedLow, low) < 0) {
                mergedHigh++;
            }
            if ((mergedHigh & 0x1FF) == 0x1FF && mergedLow + 1 == 0
                    && Long.compareUnsigned(wideLow + normalized, normalized) < 0) {
                return Double.NaN;
            }
            high = mergedHigh;
            low = mergedLow;
        }
        long topBit = high >>> 63;
        long bits = high >>> (topBit + 9);
        exponent2 -= 1 ^ topBit;
        if (low == 0 && (high & 0x1FF) == 0 && (bits & 3) == 1) {
            return Double.NaN;
        }
        bits += bits & 1;
        bits >>>= 1;
        if ((bits >>> 53) > 0) {
            bits >>>= 1;
            exponent2++;
        }
        if (Long.compareUnsigned(exponent2 - 1, 0x7FF - 1) >= 0) {
            return Double.NaN;
        }
        long doubleBits = exponent2 << 52 | bits & 0x000F_FFFF_FFFF_FFFFL;
        if (negative) {
            doubleBits |= 0x8000_0000_0000_0000L;
        }
        return Double.longBitsToDouble(doubleBits);
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
