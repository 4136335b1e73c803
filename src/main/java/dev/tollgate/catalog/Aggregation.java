package dev.tollgate.catalog;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the values of a metric over a window become one figure. Lowercase on the wire. */
public enum Aggregation {
    SUM, AVG, MIN, MAX, COUNT, LAST, RATE, P50, P90, P95, P99;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
