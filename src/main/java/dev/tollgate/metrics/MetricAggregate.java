package dev.tollgate.metrics;

/** One figure over a window: {@code value} is null when {@code count} is 0. */
public record MetricAggregate(Double value, long count) {

    public static final MetricAggregate EMPTY = new MetricAggregate(null, 0);
}
