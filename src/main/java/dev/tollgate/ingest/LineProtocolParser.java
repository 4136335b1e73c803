package dev.tollgate.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.tollgate.api.Violation;
import dev.tollgate.api.Violations;

/**
 * Parses the body of a line-protocol write ({@code POST /write}): InfluxDB line protocol as its
 * reference describes it (see {@link LineSyntax} for the syntax of a line).
 *
 * <p>Lines end at {@code \n}; a {@code \r} before it and any trailing spaces or tabs are ignored,
 * as are leading spaces and tabs. Blank lines and comment lines (a {@code #} first) are skipped
 * but counted, so line numbers are those an editor shows. A newline always ends a line, also
 * inside a quoted string: the reference does not support newlines in field values, and an
 * unclosed quote then spoils one line, not the rest of the body.
 *
 * <p>Every bad line is reported with its number and what is wrong with it, not only the first;
 * the first {@link Violations#MAX_LISTED} are listed, and all are counted. No input makes this
 * throw: bytes that are not UTF-8 make a bad line like any other fault.
 */
final class LineProtocolParser {

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    /** Series of up to 1 KiB are kept (real ones are some 100 bytes): at most 8 MiB of keys. */
    private static final int SERIES_CACHE_SIZE = 8192;
    private static final int MAX_CACHED_SERIES_KEY = 1024;
    private static final int FIELD_KEY_CACHE_SIZE = 1024;
    private static final int MAX_CACHED_FIELD_KEY = 128;

    private final TokenCache<LineSyntax.Series> seriesCache = new TokenCache<>(SERIES_CACHE_SIZE, MAX_CACHED_SERIES_KEY);
    private final TokenCache<String> fieldKeyCache = new TokenCache<>(FIELD_KEY_CACHE_SIZE, MAX_CACHED_FIELD_KEY);
    private final PlacementCache placements = new PlacementCache();
    private final MetricNames metrics = new MetricNames();

    /**
     * A parser whose caches of series, field keys, placements and metric names serve every body it
     * parses, from any number of threads at once: keep one for the application, as agents send the
     * same series request after request.
     */
    LineProtocolParser() {
    }

    /**
     * Parses a body and places its points (API.md "Ingestion"): what {@code POST /write} stores, or
     * every reason to refuse it.
     */
    LinePoints points(byte[] body, Precision precision, Instant defaultTime) {
        return LinePoints.from(parse(body, precision, defaultTime), placements, metrics);
    }

    /**
     * @param body        the request body (after decompression)
     * @param precision   the unit of the timestamps
     * @param defaultTime the time of lines without a timestamp (the time of the request), truncated
     *                    to the precision as InfluxDB does
     */
    ParsedLines parse(byte[] body, Precision precision, Instant defaultTime) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(defaultTime, "defaultTime");
        LineSyntax syntax = new LineSyntax(body, precision, defaultTime, seriesCache, fieldKeyCache);
        List<ParsedLine> lines = new ArrayList<>(Math.max(16, body.length / 64));
        List<Violation> violations = new ArrayList<>();
        int badLines = 0;
        int lineNumber = 0;
        int length = body.length;
        int next = 0;
        while (next < length) {
            lineNumber++;
            int lineStart = next;
            long highBits = 0;
            int lineEnd = lineStart;
            // Eight bytes at a time: the newline and any byte above 0x7F (then UTF-8 must be checked).
            while (lineEnd + Long.BYTES <= length) {
                long word = (long) WORDS.get(body, lineEnd);
                long newlines = word ^ NEWLINES;
                newlines = (newlines - ONES) & ~newlines & HIGH_BITS;
                if (newlines != 0) {
                    int before = Long.numberOfTrailingZeros(newlines) >>> 3;
                    highBits |= before == 0 ? 0 : word & (-1L >>> (Long.SIZE - before * Byte.SIZE));
                    lineEnd += before;
                    break;
                }
                highBits |= word;
                lineEnd += Long.BYTES;
            }
            while (lineEnd < length && body[lineEnd] != '\n') {
                highBits |= body[lineEnd];
                lineEnd++;
            }
            next = lineEnd + 1;
            boolean ascii = (highBits & HIGH_BITS) == 0;
            int malformed = ascii ? -1 : Utf8.firstMalformed(body, lineStart, lineEnd);
            int to = lineEnd;
            while (to > lineStart && isBlank(body[to - 1])) {
                to--;
            }
            int from = lineStart;
            while (from < to && isBlank(body[from])) {
                from++;
            }
            String problem = null;
            if (malformed >= 0) {
                problem = "is not valid UTF-8: byte " + String.format("0x%02X", body[malformed] & 0xFF)
                        + " at column " + (malformed - lineStart + 1);
            } else if (from == to || body[from] == '#') {
                continue;
            } else {
                try {
                    lines.add(syntax.read(lineNumber, from, to, ascii));
                } catch (BadLine bad) {
                    problem = bad.getMessage();
                }
            }
            if (problem != null) {
                badLines++;
                if (violations.size() < Violations.MAX_LISTED) {
                    violations.add(Violation.atLine(lineNumber, problem));
                }
            }
        }
        return new ParsedLines(lines, violations, badLines);
    }

    /** White space around a line: spaces, tabs, and the {@code \r} of a {@code \r\n} line end. */
    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }
}
