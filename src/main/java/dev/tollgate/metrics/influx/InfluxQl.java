package dev.tollgate.metrics.influx;

import java.time.Instant;

import dev.tollgate.catalog.Aggregation;
import dev.tollgate.metrics.MetricSelector;

/** Builds the InfluxQL of the store's reads, quoting every name and value the user chose. */
final class InfluxQl {

    private InfluxQl() {
    }

    static String identifier(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** The selector function; {@code rate} is a sum divided by the window afterwards. */
    static String function(Aggregation aggregation) {
        return switch (aggregation) {
            case SUM, RATE -> "SUM(\"value\")";
            case COUNT -> "COUNT(\"value\")";
            case MIN -> "MIN(\"value\")";
            case MAX -> "MAX(\"value\")";
            case AVG -> "MEAN(\"value\")";
            case LAST -> "LAST(\"value\")";
            case P50 -> "PERCENTILE(\"value\", 50)";
            case P90 -> "PERCENTILE(\"value\", 90)";
            case P95 -> "PERCENTILE(\"value\", 95)";
            case P99 -> "PERCENTILE(\"value\", 99)";
        };
    }

    static String where(MetricSelector selector, Instant from, Instant to) {
        StringBuilder where = new StringBuilder(" WHERE ");
        if (selector.team() != null) {
            where.append("\"team\" = ").append(literal(selector.team()));
        } else {
            where.append("\"service\" = ").append(literal(selector.service()));
            if (selector.stage() != null) {
                where.append(" AND \"stage\" = ").append(literal(selector.stage()));
            }
        }
        return where.append(" AND time >= ").append(nanos(from)).append(" AND time < ").append(nanos(to)).toString();
    }

    private static String nanos(Instant time) {
        return time.getEpochSecond() + String.format("%09d", time.getNano());
    }

    /** One figure, and how many values it covers, over the window. */
    static String aggregate(MetricSelector selector, Aggregation aggregation, Instant from, Instant to) {
        return "SELECT " + function(aggregation) + ", COUNT(\"value\") FROM " + identifier(selector.metric())
                + where(selector, from, to);
    }

    static String series(MetricSelector selector, Aggregation aggregation, Instant from, Instant to, long stepSeconds) {
        return "SELECT " + function(aggregation) + " FROM " + identifier(selector.metric()) + where(selector, from, to)
                + " GROUP BY time(" + stepSeconds + "s) fill(none)";
    }
}
