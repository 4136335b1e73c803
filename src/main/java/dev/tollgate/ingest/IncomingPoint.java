package dev.tollgate.ingest;

import java.time.Instant;
import java.util.Map;

import dev.tollgate.api.Violation;

/**
 * A point as a client sent it, before it is checked: where it came from (an index into a JSON
 * array, or a line of a line-protocol body) so that every fault can be named there.
 *
 * @param time  null when the client gave none: the point is then stamped with the receiving time
 * @param value null when the client gave none
 */
record IncomingPoint(int index, int line, String metric, String service, String team, String stage, Instant time,
        Double value, Map<String, String> tags) {

    static IncomingPoint fromJson(int index, String metric, String service, String team, String stage, Instant time,
            Double value, Map<String, String> tags) {
        return new IncomingPoint(index, 0, metric, service, team, stage, time, value, tags);
    }

    static IncomingPoint fromLine(int line, String metric, String service, String team, String stage, Instant time,
            double value, Map<String, String> tags) {
        return new IncomingPoint(-1, line, metric, service, team, stage, time, value, tags);
    }

    /** A fault of one field of this point, named where the client can find it. */
    Violation fault(String field, String message) {
        return line > 0 ? Violation.atLine(line, field + ": " + message) : Violation.at("/" + index + "/" + field, message);
    }
}
