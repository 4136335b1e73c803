package dev.tollgate.catalog;

/** The scorecard quadrant a metric belongs to. */
public enum MetricCategory {
    BUSINESS, OPERATIONAL, INPUT_GOAL, ENABLEMENT
}
