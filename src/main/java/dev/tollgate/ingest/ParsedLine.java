package dev.tollgate.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One line of line protocol, unescaped and typed.
 *
 * @param lineNumber 1-based, counting every line of the body (comments and blank lines too)
 * @param tags       in the order of the line; lines of the same series may share one map
 * @param fields     in the order of the line, each key once
 * @param time       the line's timestamp, or the default time truncated to the precision
 */
record ParsedLine(int lineNumber, String measurement, Map<String, String> tags, List<LineField> fields,
        Instant time) {

    int stringFieldCount() {
        int count = 0;
        for (LineField field : fields) {
            if (field instanceof LineField.Text) {
                count++;
            }
        }
        return count;
    }
}
