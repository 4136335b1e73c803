package dev.tollgate.ingest;

import java.util.List;

import dev.tollgate.api.Violation;

/**
 * What {@link LineProtocolParser} made of a body: every line it could read, and the first
 * {@link dev.tollgate.api.Violations#MAX_LISTED} bad lines in line order (one violation per line)
 * with the count of all of them. The caller refuses the whole body when there is any.
 */
record ParsedLines(List<ParsedLine> lines, List<Violation> violations, int badLineCount) {

    ParsedLines {
        lines = List.copyOf(lines);
        violations = List.copyOf(violations);
    }

    boolean isValid() {
        return badLineCount == 0;
    }
}
