package dev.tollgate.catalog;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the values of a metric over a window become one figure. Lowercase on the wire. */
public enum Aggregation {
    SUM, AVG, MIN, MAX, COUNT, LAST, RATE, P50, P90, P95, P99;

    /** Made once: the gate names aggregations in every evaluation's results. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName();
    }
}
