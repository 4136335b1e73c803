package dev.tollgate.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random valid line-protocol bodies with the lines they mean: a model is drawn first (names with
 * every special character, fields of every type, timestamps in range), then written out as a
 * client might write it (escapes, spellings, spacing, comments, blank lines, CRLF). The meaning
 * is worked out here independently of the parser: numbers by Java and BigInteger, instants by
 * BigInteger arithmetic.
 */
final class RandomLines {

    /** Pieces of names and strings: line protocol's special characters, and letters of 1 to 4 UTF-8 bytes. */
    private static final String[] NAME_PIECES = { "a", "b", "z", "A", "Q", "0", "7", "_", "-", ".", ":", ",", "=", " ",
            "\\", "\"", "'", "#", "é", "ß", "€", "⚡", "🚀", "\u00A0", "{", "}", "i", "u", "t", "f" };
    private static final String[] STRING_PIECES = { "a", "Z", "9", " ", ",", "=", "\"", "\\", "'", "#", "\t", "é", "🍭",
            "n", "\\n" };
    private static final String[] TRUE_SPELLINGS = { "t", "T", "true", "True", "TRUE" };
    private static final String[] FALSE_SPELLINGS = { "f", "F", "false", "False", "FALSE" };
    private static final BigInteger MIN_NANOS = BigInteger.valueOf(-9_223_372_036_854_775_806L);
    private static final BigInteger MAX_NANOS = BigInteger.valueOf(9_223_372_036_854_775_806L);
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

    /** A body and what it means. */
    record Body(byte[] bytes, List<ParsedLine> lines, int lineCount) {

        String text() {
            return new String(bytes, UTF_8);
        }
    }

    private final Random random;
    private final Precision precision;
    private final Instant now;

    RandomLines(Random random, Precision precision, Instant now) {
        this.random = random;
        this.precision = precision;
        this.now = now;
    }

    static Precision anyPrecision(Random random) {
        Precision[] values = Precision.values();
        return values[random.nextInt(values.length)];
    }

    /** 1 to {@code maxEntries} lines, data lines mixed with comments and blank lines. */
    Body body(int maxEntries) {
        StringBuilder text = new StringBuilder();
        List<ParsedLine> lines = new ArrayList<>();
        int entries = 1 + random.nextInt(maxEntries);
        for (int number = 1; number <= entries; number++) {
            int kind = random.nextInt(20);
            if (kind == 0) {
                text.append(blanks(0, 3)).append('#').append(randomText(STRING_PIECES, 0, 12));
            } else if (kind == 1) {
                text.append(blanks(0, 4));
            } else {
                text.append(blanks(0, 2));
                lines.add(dataLine(number, text));
                text.append(blanks(0, 2));
            }
            if (number < entries || random.nextBoolean()) {
                text.append(random.nextInt(3) == 0 ? "\r\n" : "\n");
            }
        }
        return new Body(text.toString().getBytes(UTF_8), lines, entries);
    }

    /** Writes one valid line into {@code text} and answers what it means. */
    ParsedLine dataLine(int number, StringBuilder text) {
        String measurement = name(true);
        text.append(escape(measurement, false));
        Map<String, String> tags = new LinkedHashMap<>();
        int tagCount = random.nextInt(4);
        while (tags.size() < tagCount) {
            String key = name(false);
            if (tags.putIfAbsent(key, name(false)) == null) {
                text.append(',').append(escape(key, true)).append('=').append(escape(tags.get(key), true));
            }
        }
        text.append(" ".repeat(1 + random.nextInt(3)));
        List<LineField> fields = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int fieldCount = 1 + random.nextInt(4);
        while (fields.size() < fieldCount) {
            String key = name(false);
            if (keys.add(key)) {
                if (!fields.isEmpty()) {
                    text.append(',');
                }
                text.append(escape(key, true)).append('=');
                fields.add(field(key, text));
            }
        }
        Instant time = now.truncatedTo(unitOf(precision));
        if (random.nextInt(10) < 7) {
            long timestamp = timestamp();
            text.append(" ".repeat(1 + random.nextInt(3))).append(timestamp);
            time = instantOf(timestamp);
        }
        return new ParsedLine(number, measurement, Collections.unmodifiableMap(tags), List.copyOf(fields), time);
    }

    /** A name of 1 to 10 pieces; never ending in a backslash, which no writer can express before a separator. */
    private String name(boolean measurement) {
        while (true) {
            String name = randomText(NAME_PIECES, 1, 10);
            if (name.endsWith("\\") || (measurement && name.startsWith("#"))) {
                continue;
            }
            return name;
        }
    }

    /** How InfluxDB's encoders write a name: a backslash before each separator, nothing else escaped. */
    static String escape(String name, boolean equalsToo) {
        StringBuilder escaped = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ',' || c == ' ' || (c == '=' && equalsToo)) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private LineField field(String key, StringBuilder text) {
        switch (random.nextInt(6)) {
            case 0 -> {
                String value = randomText(STRING_PIECES, 0, 12);
                text.append('"').append(escapeString(value)).append('"');
                return new LineField.Text(key, value);
            }
            case 1 -> {
                long value = edgeOrRandomLong();
                text.append(zeroPadded(Long.toString(value))).append('i');
                return new LineField.Numeric(key, value);
            }
            case 2 -> {
                long value = edgeOrRandomLong();
                String digits = Long.toUnsignedString(value);
                text.append(zeroPadded(digits)).append('u');
                return new LineField.Numeric(key, new BigInteger(digits).doubleValue());
            }
            case 3 -> {
                boolean value = random.nextBoolean();
                String[] spellings = value ? TRUE_SPELLINGS : FALSE_SPELLINGS;
                text.append(spellings[random.nextInt(spellings.length)]);
                return new LineField.Numeric(key, value ? 1 : 0);
            }
            default -> {
                String written = floatText();
                text.append(written);
                return new LineField.Numeric(key, Double.parseDouble(written));
            }
        }
    }

    /**
     * A string as a writer escapes it: {@code \\} and {@code \"}; a backslash before any other
     * character may also be written bare, as the reference keeps it.
     */
    private String escapeString(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                escaped.append("\\\"");
            } else if (c == '\\') {
                boolean bareIsSafe = i + 1 < value.length() && value.charAt(i + 1) != '\\' && value.charAt(i + 1) != '"';
                escaped.append(bareIsSafe && random.nextBoolean() ? "\\" : "\\\\");
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A finite float in one of the ways writers spell them. */
    String floatText() {
        while (true) {
            String text = switch (random.nextInt(7)) {
                case 0 -> Double.toString(Double.longBitsToDouble(random.nextLong()));
                case 1 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
                case 2 -> new BigDecimal(random.nextDouble() * 1e6).toPlainString();
                case 3 -> String.format(Locale.ROOT, "%." + random.nextInt(17) + "e", random.nextDouble() * 1e10);
                case 4 -> Integer.toString(random.nextInt());
                case 5 -> new String[] { "0", "-0", "0.0", "-0.0", "1e308", "-1e308", "4.9e-324", "1.7976931348623157e308",
                        "2.2250738585072014E-308", ".5", "5.", "1.e+78", "1E-5" }[random.nextInt(13)];
                default -> decimalText();
            };
            double value = Double.parseDouble(text);
            if (Double.isFinite(value) && !text.contains("N") && !text.contains("I")) {
                return text;
            }
        }
    }

    /** Any decimal the reference's float syntax allows: long mantissas, leading zeros, wide exponents. */
    String decimalText() {
        StringBuilder text = new StringBuilder();
        if (random.nextBoolean()) {
            text.append('-');
        }
        int integerDigits = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 4 : 25);
        int fractionDigits = random.nextInt(3) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 4 : 25);
        if (integerDigits + fractionDigits == 0) {
            integerDigits = 1;
        }
        text.append(digits(integerDigits));
        if (fractionDigits > 0 || (integerDigits > 0 && random.nextInt(4) == 0)) {
            text.append('.').append(digits(fractionDigits));
        }
        if (random.nextBoolean()) {
            text.append(random.nextBoolean() ? 'e' : 'E');
            int sign = random.nextInt(3);
            text.append(sign == 0 ? "" : sign == 1 ? "+" : "-");
            text.append(random.nextInt(random.nextBoolean() ? 30 : 340));
        }
        return text.toString();
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private String zeroPadded(String number) {
        if (random.nextInt(8) != 0) {
            return number;
        }
        return number.startsWith("-") ? "-00" + number.substring(1) : "00" + number;
    }

    private long edgeOrRandomLong() {
        return switch (random.nextInt(6)) {
            case 0 -> new long[] { Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, 1L << 53, (1L << 53) + 1 }[random.nextInt(7)];
            case 1 -> random.nextInt(1000) - 500;
            default -> random.nextLong();
        };
    }

    long timestamp() {
        long min = minTimestamp();
        long max = maxTimestamp();
        return switch (random.nextInt(5)) {
            case 0 -> new long[] { min, max, 0, -1, 1 }[random.nextInt(5)];
            case 1 -> random.nextLong(Math.max(min, -1_000_000), Math.min(max, 1_000_000) + 1);
            default -> random.nextLong(min, max + 1);
        };
    }

    private BigInteger nanosPerUnit() {
        return switch (precision) {
            case NANOSECONDS -> BigInteger.ONE;
            case MICROSECONDS -> BigInteger.valueOf(1_000L);
            case MILLISECONDS -> BigInteger.valueOf(1_000_000L);
            case SECONDS -> NANOS_PER_SECOND;
            case MINUTES -> NANOS_PER_SECOND.multiply(BigInteger.valueOf(60));
            case HOURS -> NANOS_PER_SECOND.multiply(BigInteger.valueOf(3600));
        };
    }

    static ChronoUnit unitOf(Precision precision) {
        return switch (precision) {
            case NANOSECONDS -> ChronoUnit.NANOS;
            case MICROSECONDS -> ChronoUnit.MICROS;
            case MILLISECONDS -> ChronoUnit.MILLIS;
            case SECONDS -> ChronoUnit.SECONDS;
            case MINUTES -> ChronoUnit.MINUTES;
            case HOURS -> ChronoUnit.HOURS;
        };
    }

    long minTimestamp() {
        BigInteger[] division = MIN_NANOS.divideAndRemainder(nanosPerUnit());
        // Towards zero is up for a negative bound: the smallest timestamp still inside the range.
        return division[0].longValueExact();
    }

    long maxTimestamp() {
        return MAX_NANOS.divide(nanosPerUnit()).longValueExact();
    }

    Instant instantOf(long timestamp) {
        BigInteger nanos = BigInteger.valueOf(timestamp).multiply(nanosPerUnit());
        BigInteger[] secondsAndNanos = nanos.divideAndRemainder(NANOS_PER_SECOND);
        BigInteger seconds = secondsAndNanos[0];
        BigInteger rest = secondsAndNanos[1];
        if (rest.signum() < 0) {
            seconds = seconds.subtract(BigInteger.ONE);
            rest = rest.add(NANOS_PER_SECOND);
        }
        return Instant.ofEpochSecond(seconds.longValueExact(), rest.longValueExact());
    }

    private String blanks(int min, int max) {
        StringBuilder blanks = new StringBuilder();
        int count = min + random.nextInt(max - min + 1);
        for (int i = 0; i < count; i++) {
            blanks.append(random.nextInt(3) == 0 ? '\t' : ' ');
        }
        return blanks.toString();
    }

    private String randomText(String[] pieces, int minPieces, int maxPieces) {
        StringBuilder text = new StringBuilder();
        int count = minPieces + random.nextInt(maxPieces - minPieces + 1);
        for (int i = 0; i < count; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}
