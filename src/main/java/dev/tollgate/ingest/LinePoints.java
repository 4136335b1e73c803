package dev.tollgate.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tollgate.api.MetricKey;
import dev.tollgate.api.Violation;
import dev.tollgate.api.Violations;

/**
 * The points of a line-protocol body, or why it is refused: the violations of both parsing and
 * placing, in line order, one per bad line, the first {@link Violations#MAX_LISTED} listed and all
 * counted. String fields are no metrics: they are left out and counted, never refused, so that a
 * Telegraf input with a text field still delivers its numbers.
 */
record LinePoints(List<LinePoint> points, List<Violation> violations, int badLineCount, int droppedStringFields) {

    LinePoints {
        points = List.copyOf(points);
        violations = List.copyOf(violations);
    }

    boolean isValid() {
        return badLineCount == 0;
    }

    static LinePoints from(ParsedLines parsed) {
        return from(parsed, new PlacementCache());
    }

    static LinePoints from(ParsedLines parsed, PlacementCache placements) {
        List<LinePoint> points = new ArrayList<>(parsed.lines().size() * 2);
        List<Violation> violations = new ArrayList<>();
        int badLines = 0;
        int droppedStrings = 0;
        Map<String, Map<String, String>> metricsByMeasurement = new HashMap<>();
        for (ParsedLine line : parsed.lines()) {
            int firstPoint = points.size();
            int strings = 0;
            try {
                PointPlacement placement = placements.placementOf(line.tags());
                Map<String, String> metrics = metricsByMeasurement.get(line.measurement());
                if (metrics == null) {
                    metrics = new HashMap<>();
                    metricsByMeasurement.put(line.measurement(), metrics);
                }
                for (LineField field : line.fields()) {
                    if (field instanceof LineField.Numeric(String key, double value)) {
                        String metric = metrics.get(key);
                        if (metric == null) {
                            metric = metricOf(line.measurement(), key);
                            metrics.put(key, metric);
                        }
                        points.add(new LinePoint(line.lineNumber(), metric, placement.service(), placement.team(),
                                placement.stage(), line.time(), value, placement.tags()));
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

    private static String metricOf(String measurement, String fieldKey) {
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
