package dev.tollgate.ingest;

import java.util.ArrayList;
import java.util.List;

import dev.tollgate.api.MetricKey;
import dev.tollgate.api.Violation;
import dev.tollgate.api.Violations;

/**
 * The points of a line-protocol body, or why it is refused: the violations of both parsing and
 * placing, in line order, one per bad line, the first {@link Violations#MAX_LISTED} listed and all
 * counted. String fields are no metrics: they are left out and counted, never refused, so that a
 * Telegraf input with a text field still delivers its numbers.
 *
 * <p>Each numeric field of a line is a point, placed by the line's tags ({@link PointPlacement}):
 * field {@code value} of measurement {@code m} is metric {@code m}, any other field {@code f} is
 * metric {@code m.f}. The points of one series share their tag map, the line's tags but the
 * placing ones.
 */
record LinePoints(List<IncomingPoint> points, List<Violation> violations, int badLineCount, int droppedStringFields) {

    LinePoints {
        points = List.copyOf(points);
        violations = List.copyOf(violations);
    }

    boolean isValid() {
        return badLineCount == 0;
    }

    static LinePoints from(ParsedLines parsed) {
        return from(parsed, new PlacementCache(), new MetricNames());
    }

    static LinePoints from(ParsedLines parsed, PlacementCache placements, MetricNames metrics) {
        List<IncomingPoint> points = new ArrayList<>(parsed.lines().size() * 2);
        List<Violation> violations = new ArrayList<>();
        int badLines = 0;
        int droppedStrings = 0;
        for (ParsedLine line : parsed.lines()) {
            int firstPoint = points.size();
            int strings = 0;
            try {
                PointPlacement placement = placements.placementOf(line.tags());
                for (LineField field : line.fields()) {
                    if (field instanceof LineField.Numeric(String key, double value)) {
                        String metric = metrics.metricOf(line.measurement(), key);
                        points.add(IncomingPoint.fromLine(line.lineNumber(), metric, placement.service(),
                                placement.team(), placement.stage(), line.time(), value, placement.tags()));
                    } else {
                        strings++;
                    }
                }
                droppedStrings += strings;
            } catch (BadLine bad) {
                points.subList(firstPoint, points.size()).clear();
                badLines++;
                if (violations.size() < Violations.MAX_LISTED) {
                    violations.add(Violation.atLine(line.lineNumber(), bad.getMessage()));
                }
            }
        }
        return new LinePoints(points, merge(parsed.violations(), violations),
                parsed.badLineCount() + badLines, droppedStrings);
    }

    /** @throws BadLine when the field of the measurement makes no metric key */
    static String metricOf(String measurement, String fieldKey) {
        if ("value".equals(fieldKey)) {
            if (!MetricKey.isValid(measurement)) {
                throw new BadLine("measurement " + BadLine.quote(measurement) + " is no metric key: it must be "
                        + MetricKey.DESCRIPTION);
            }
            return measurement;
        }
        String metric = measurement + "." + fieldKey;
        if (!MetricKey.isValid(metric)) {
            throw new BadLine("metric " + BadLine.quote(metric) + " of measurement " + BadLine.quote(measurement)
                    + " and field " + BadLine.quote(fieldKey) + " is no metric key: it must be " + MetricKey.DESCRIPTION);
        }
        return metric;
    }

    /** Both lists are in line order and name different lines; the first of their union are listed. */
    private static List<Violation> merge(List<Violation> parsing, List<Violation> placing) {
        List<Violation> merged = new ArrayList<>(Math.min(Violations.MAX_LISTED, parsing.size() + placing.size()));
        int p = 0;
        int q = 0;
        while (merged.size() < Violations.MAX_LISTED && (p < parsing.size() || q < placing.size())) {
            if (q == placing.size() || (p < parsing.size() && parsing.get(p).line() < placing.get(q).line())) {
                merged.add(parsing.get(p++));
            } else {
                merged.add(placing.get(q++));
            }
        }
        return merged;
    }
}
