package dev.tollgate.ingest;

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

    private LineProtocolParser() {
    }

    /**
     * @param body        the request body (after decompression)
     * @param precision   the unit of the timestamps
     * @param defaultTime the time of lines without a timestamp (the time of the request), truncated
     *                    to the precision as InfluxDB does
     */
    static ParsedLines parse(byte[] body, Precision precision, Instant defaultTime) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(defaultTime, "defaultTime");
        LineSyntax syntax = new LineSyntax(body, precision, defaultTime);
        List<ParsedLine> lines = new ArrayList<>(Math.max(16, body.length / 64));
        List<Violation> violations = new ArrayList<>();
        int badLines = 0;
        int lineNumber = 0;
        int length = body.length;
        int next = 0;
        while (next < length) {
            lineNumber++;
            int lineStart = next;
            int highBits = 0;
            int lineEnd = lineStart;
            while (lineEnd < length && body[lineEnd] != '\n') {
                highBits |= body[lineEnd];
                lineEnd++;
            }
            next = lineEnd + 1;
            int malformed = highBits < 0 ? Utf8.firstMalformed(body, lineStart, lineEnd) : -1;
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
                    lines.add(syntax.read(lineNumber, from, to, highBits >= 0));
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
