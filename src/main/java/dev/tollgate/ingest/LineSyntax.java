package dev.tollgate.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one line of InfluxDB line protocol, following the reference
 * (docs.influxdata.com, "line protocol reference" of 1.x and "line protocol" of 2.x):
 * <pre>
 * measurement[,tag_key=tag_value...] field_key=field_value[,field_key=field_value...] [timestamp]
 * </pre>
 * Escapes: a backslash before a comma or a space in the measurement, and before a comma, an
 * equals sign or a space in tag keys, tag values and field keys, stands for that character; a
 * backslash before anything else is itself, and the character after it is read as usual (as
 * InfluxDB's own decoder does: its encoders never escape backslashes in names, so a name
 * {@code a\,b} arrives as {@code a\\,b}). In a quoted string field value {@code \"} and
 * {@code \\} stand for {@code "} and {@code \}. One object per body.
 */
final class LineSyntax {

    /** Beyond this many fields a line's duplicate check uses a set, so a huge line costs linear time. */
    private static final int FEW_FIELDS = 8;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long SPACES = 0x2020_2020_2020_2020L;
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;

    private final byte[] bytes;
    private final Precision precision;
    private final Instant defaultTime;
    private final TokenCache<Series> seriesCache;
    private final TokenCache<String> fieldKeyCache;
    private byte[] unescaped = new byte[64];

    private boolean ascii;
    private int pos;
    private int end;
    private long lastTimestamp;
    private Instant lastTime;

    /** The measurement and tags of a line: the same for every line of a series. */
    record Series(String measurement, Map<String, String> tags) {
    }

    LineSyntax(byte[] bytes, Precision precision, Instant defaultTime, TokenCache<Series> seriesCache,
            TokenCache<String> fieldKeyCache) {
        this.bytes = bytes;
        this.precision = precision;
        this.defaultTime = precision.truncate(defaultTime);
        this.seriesCache = seriesCache;
        this.fieldKeyCache = fieldKeyCache;
    }

    /**
     * Reads the line in {@code [from, to)}: no leading or trailing white space, not a comment,
     * valid UTF-8 ({@code ascii} when it has no byte above 0x7F).
     *
     * @throws BadLine saying what is wrong with the line
     */
    ParsedLine read(int lineNumber, int from, int to, boolean ascii) {
        this.ascii = ascii;
        this.pos = from;
        this.end = to;
        Series series = readSeries();
        while (pos < end && bytes[pos] == ' ') {
            pos++;
        }
        List<LineField> fields = readFields();
        Instant time = readTime();
        return new ParsedLine(lineNumber, series.measurement(), series.tags(), fields, time);
    }

    // Measurement and tags: everything up to the first unescaped space, the same bytes for every
    // line of a series, so they are decoded once per series.
    private Series readSeries() {
        int from = pos;
        long hash = 0;
        int i = from;
        boolean found = false;
        // Eight bytes at a time while they last: the key is hashed as it is searched for its end.
        while (!found && i + Long.BYTES <= end) {
            long word = (long) WORDS.get(bytes, i);
            long spaces = word ^ SPACES;
            spaces = (spaces - ONES) & ~spaces & HIGH_BITS;
            if (spaces == 0) {
                hash = (hash ^ word) * GOLDEN;
                i += Long.BYTES;
                continue;
            }
            int space = i + (Long.numberOfTrailingZeros(spaces) >>> 3);
            found = bytes[space - 1] != '\\';
            int taken = space - i + (found ? 0 : 1);
            if (taken > 0) {
                hash = (hash ^ (word & (-1L >>> (Long.SIZE - taken * Byte.SIZE)))) * GOLDEN;
            }
            i += taken;
        }
        for (; !found && i < end; i++) {
            byte b = bytes[i];
            if (b == ' ' && bytes[i - 1] != '\\') {
                break;
            }
            hash = (hash ^ b) * GOLDEN;
        }
        if (i == end) {
            decodeSeries(from, end);
            throw new BadLine("missing field set: a line needs at least one field after the measurement and tags");
        }
        int key = (int) (hash ^ (hash >>> 32));
        Series series = seriesCache.get(bytes, from, i, key);
        if (series == null) {
            series = decodeSeries(from, i);
            seriesCache.put(bytes, from, i, key, series);
        }
        pos = i;
        return series;
    }

    private Series decodeSeries(int from, int to) {
        int measurementEnd = scanName(from, to, false, "measurement");
        if (measurementEnd == from) {
            throw new BadLine("missing measurement: the line starts with " + BadLine.quote(bytes, from, from + 1));
        }
        String measurement = decode(from, measurementEnd, false);
        if (measurementEnd == to) {
            return new Series(measurement, Map.of());
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = measurementEnd; i < to;) {
            int keyStart = i + 1;
            int keyEnd = scanName(keyStart, to, true, "tag key");
            if (keyEnd == keyStart) {
                throw new BadLine(keyStart < to && bytes[keyStart] == '=' ? "missing tag key before '='"
                        : "missing tag key after ','");
            }
            String key = decode(keyStart, keyEnd, true);
            if (keyEnd == to || bytes[keyEnd] != '=') {
                throw new BadLine("tag " + BadLine.quote(key) + " is missing '=' and a value");
            }
            int valueStart = keyEnd + 1;
            int valueEnd = scanName(valueStart, to, true, "tag value");
            if (valueEnd == valueStart) {
                throw new BadLine("tag " + BadLine.quote(key) + " has an empty value; leave the tag out instead");
            }
            if (valueEnd < to && bytes[valueEnd] == '=') {
                throw new BadLine("tag " + BadLine.quote(key) + " has an unescaped '=' in its value; write it as '\\='");
            }
            if (tags.putIfAbsent(key, decode(valueStart, valueEnd, true)) != null) {
                throw new BadLine("tag " + BadLine.quote(key) + " appears twice");
            }
            i = valueEnd;
        }
        return new Series(measurement, Collections.unmodifiableMap(tags));
    }

    private List<LineField> readFields() {
        List<LineField> fields = new ArrayList<>(4);
        Set<String> keys = null;
        while (true) {
            int keyStart = pos;
            int keyEnd = keyStart;
            int hash = 1;
            for (; keyEnd < end; keyEnd++) {
                byte b = bytes[keyEnd];
                if (b == '=' || b == ',' || b == ' ') {
                    if (keyEnd == keyStart || bytes[keyEnd - 1] != '\\') {
                        break;
                    }
                } else if ((b >= 0 && b < 0x20) || b == 0x7F) {
                    throw controlCharacter("field key", b);
                }
                hash = 31 * hash + b;
            }
            if (keyEnd == keyStart) {
                throw new BadLine(bytes[keyStart] == '=' ? "missing field key before '='"
                        : fields.isEmpty() ? "missing field key: the field set starts with ','"
                        : "missing field key after ','");
            }
            String key = fieldKey(keyStart, keyEnd, hash);
            if (keyEnd == end || bytes[keyEnd] != '=') {
                throw new BadLine("field " + BadLine.quote(key) + " is missing '=' and a value");
            }
            pos = keyEnd + 1;
            if (pos == end || bytes[pos] == ' ' || bytes[pos] == ',') {
                throw new BadLine("field " + BadLine.quote(key) + " has no value");
            }
            LineField field = bytes[pos] == '"' ? readString(key) : readValue(key);
            if (fields.size() < FEW_FIELDS) {
                for (LineField earlier : fields) {
                    if (earlier.key().equals(key)) {
                        throw duplicate(key);
                    }
                }
            } else {
                if (keys == null) {
                    keys = new HashSet<>();
                    for (LineField earlier : fields) {
                        keys.add(earlier.key());
                    }
                }
                if (!keys.add(key)) {
                    throw duplicate(key);
                }
            }
            fields.add(field);
            if (pos == end || bytes[pos] == ' ') {
                return Collections.unmodifiableList(fields);
            }
            if (bytes[pos] != ',') {
                throw new BadLine("unexpected " + BadLine.quote(bytes, pos, end) + " after the value of field "
                        + BadLine.quote(key));
            }
            pos++;
            if (pos == end || bytes[pos] == ' ') {
                throw new BadLine("missing field after ','");
            }
        }
    }

    /**
     * Duplicate field keys are refused, where InfluxDB keeps the last: two values of one metric
     * at one time and place are a client's mistake, and silently storing one hides it.
     */
    private static BadLine duplicate(String key) {
        return new BadLine("field " + BadLine.quote(key) + " appears twice");
    }

    private LineField readString(String key) {
        int from = pos + 1;
        boolean escaped = false;
        int i = from;
        while (i < end) {
            byte b = bytes[i];
            if (b == '\\' && i + 1 < end && (bytes[i + 1] == '"' || bytes[i + 1] == '\\')) {
                escaped = true;
                i += 2;
            } else if (b == '"') {
                break;
            } else {
                i++;
            }
        }
        if (i >= end) {
            throw new BadLine("field " + BadLine.quote(key) + " has a string value without its closing '\"'");
        }
        pos = i + 1;
        if (!escaped) {
            return new LineField.Text(key, text(bytes, from, i));
        }
        byte[] buffer = unescapeBuffer(i - from);
        int length = 0;
        for (int k = from; k < i; k++) {
            if (bytes[k] == '\\' && (bytes[k + 1] == '"' || bytes[k + 1] == '\\')) {
                k++;
            }
            buffer[length++] = bytes[k];
        }
        return new LineField.Text(key, text(buffer, 0, length));
    }

    private LineField readValue(String key) {
        int from = pos;
        int to = from;
        while (to < end && bytes[to] != ',' && bytes[to] != ' ') {
            to++;
        }
        pos = to;
        byte first = bytes[from];
        byte last = bytes[to - 1];
        double value;
        if (first == 't' || first == 'T' || first == 'f' || first == 'F') {
            value = FieldNumbers.parseBoolean(bytes, from, to);
        } else if (last == 'i') {
            value = FieldNumbers.parseInteger(bytes, from, to - 1);
            if (Double.isInfinite(value)) {
                throw outOfRange(key, from, to, "an integer (i) is from -9223372036854775808 to 9223372036854775807");
            }
        } else if (last == 'u') {
            value = FieldNumbers.parseUnsigned(bytes, from, to - 1);
            if (Double.isInfinite(value)) {
                throw outOfRange(key, from, to, "an unsigned integer (u) is from 0 to 18446744073709551615");
            }
        } else if (FieldNumbers.isNonFinite(bytes, from, to)) {
            throw new BadLine("field " + BadLine.quote(key) + " value " + BadLine.quote(bytes, from, to)
                    + " is not a finite number; Tollgate stores finite numbers only");
        } else {
            value = FieldNumbers.parseFloat(bytes, from, to);
            if (Double.isInfinite(value)) {
                throw outOfRange(key, from, to, "beyond the range of a 64-bit float");
            }
        }
        if (Double.isNaN(value)) {
            throw new BadLine("field " + BadLine.quote(key) + " value " + BadLine.quote(bytes, from, to)
                    + " is not a number, a quoted string or a boolean");
        }
        return new LineField.Numeric(key, value);
    }

    private BadLine outOfRange(String key, int from, int to, String range) {
        return new BadLine("field " + BadLine.quote(key) + " value " + BadLine.quote(bytes, from, to)
                + " is out of range: " + range);
    }

    /**
     * The timestamp is a signed integer: the reference's range starts in 1677, so negative
     * timestamps (before 1970) are valid, as InfluxDB accepts them.
     */
    private Instant readTime() {
        while (pos < end && bytes[pos] == ' ') {
            pos++;
        }
        if (pos == end) {
            return defaultTime;
        }
        int from = pos;
        while (pos < end && bytes[pos] != ' ') {
            pos++;
        }
        int to = pos;
        while (pos < end && bytes[pos] == ' ') {
            pos++;
        }
        long timestamp = timestamp(from, to);
        if (pos < end) {
            throw new BadLine("unexpected " + BadLine.quote(bytes, pos, end) + " after the timestamp");
        }
        if (lastTime != null && timestamp == lastTimestamp) {
            return lastTime;
        }
        Instant time = precision.instantOf(timestamp).orElseThrow(() -> timestampOutOfRange(from, to));
        lastTimestamp = timestamp;
        lastTime = time;
        return time;
    }

    private long timestamp(int from, int to) {
        int i = from;
        boolean negative = bytes[i] == '-';
        if (negative) {
            i++;
        }
        if (i == to) {
            throw timestampNotAnInteger(from, to);
        }
        long result = 0;
        boolean overflow = false;
        for (; i < to; i++) {
            byte b = bytes[i];
            if (b < '0' || b > '9') {
                throw timestampNotAnInteger(from, to);
            }
            int digit = b - '0';
            if (overflow || result < Long.MIN_VALUE / 10 || result * 10 < Long.MIN_VALUE + digit) {
                overflow = true;
            } else {
                result = result * 10 - digit;
            }
        }
        if (overflow || (!negative && result == Long.MIN_VALUE)) {
            throw timestampOutOfRange(from, to);
        }
        return negative ? result : -result;
    }

    private BadLine timestampNotAnInteger(int from, int to) {
        return new BadLine("timestamp " + BadLine.quote(bytes, from, to) + " is not an integer (Unix time in "
                + precision.wireName() + ")");
    }

    private BadLine timestampOutOfRange(int from, int to) {
        return new BadLine("timestamp " + BadLine.quote(bytes, from, to) + " is out of range: in precision "
                + precision.wireName() + " it is from " + precision.minTimestamp() + " to " + precision.maxTimestamp());
    }

    /**
     * The end of a name: the first comma or space (or equals sign, outside the measurement) that
     * no backslash escapes. Control characters are refused: the reference's decoder refuses them,
     * and a tag shown in a table or a chart must be printable.
     */
    private int scanName(int from, int to, boolean equalsEnds, String what) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == ',' || b == ' ' || (b == '=' && equalsEnds)) {
                if (i == from || bytes[i - 1] != '\\') {
                    return i;
                }
            } else if ((b >= 0 && b < 0x20) || b == 0x7F) {
                throw controlCharacter(what, b);
            }
        }
        return to;
    }

    private static BadLine controlCharacter(String what, byte b) {
        return new BadLine(what + " contains the control character " + String.format("U+%04X", (int) b));
    }

    private String fieldKey(int from, int to, int hash) {
        String key = fieldKeyCache.get(bytes, from, to, hash);
        if (key == null) {
            key = decode(from, to, true);
            fieldKeyCache.put(bytes, from, to, hash, key);
        }
        return key;
    }

    private String decode(int from, int to, boolean equalsEscapes) {
        int firstEscape = -1;
        for (int i = from; i + 1 < to; i++) {
            if (bytes[i] == '\\' && isEscapable(bytes[i + 1], equalsEscapes)) {
                firstEscape = i;
                break;
            }
        }
        if (firstEscape < 0) {
            return text(bytes, from, to);
        }
        byte[] buffer = unescapeBuffer(to - from);
        int length = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\\' && i + 1 < to && isEscapable(bytes[i + 1], equalsEscapes)) {
                i++;
            }
            buffer[length++] = bytes[i];
        }
        return text(buffer, 0, length);
    }

    private static boolean isEscapable(byte b, boolean equalsEscapes) {
        return b == ',' || b == ' ' || (b == '=' && equalsEscapes);
    }

    private byte[] unescapeBuffer(int length) {
        if (unescaped.length < length) {
            unescaped = new byte[Math.max(length, unescaped.length * 2)];
        }
        return unescaped;
    }

    private String text(byte[] source, int from, int to) {
        return new String(source, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
}
