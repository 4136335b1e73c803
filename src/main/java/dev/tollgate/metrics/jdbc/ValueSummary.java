package dev.tollgate.metrics.jdbc;

import dev.tollgate.catalog.Aggregation;

/**
 * The mergeable figures of the values of one series over a minute, an hour or a window: count,
 * sum, min, max, the value with the latest time, and a percentile sketch. Merging two summaries
 * gives the summary of both parts, so a window's figure is the merge of its hours and minutes.
 * Not thread-safe.
 */
final class ValueSummary {

    private long count;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double lastValue;
    /** Microseconds since the epoch of {@link #lastValue}. */
    private long lastTime = Long.MIN_VALUE;
    /** Null where a read needs no percentile and so never loaded one. */
    private PercentileSketch sketch;

    ValueSummary() {
        this(true);
    }

    ValueSummary(boolean withSketch) {
        sketch = withSketch ? new PercentileSketch() : null;
    }

    static ValueSummary of(long count, double sum, double min, double max, double lastValue, long lastTime,
            PercentileSketch sketch) {
        ValueSummary summary = new ValueSummary(false);
        summary.count = count;
        summary.sum = sum;
        summary.min = min;
        summary.max = max;
        summary.lastValue = lastValue;
        summary.lastTime = lastTime;
        summary.sketch = sketch;
        return summary;
    }

    /** Adds a value; of two values at the same time the one added later is the last. */
    void add(double value, long timeMicros) {
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
        if (timeMicros >= lastTime) {
            lastValue = value;
            lastTime = timeMicros;
        }
        if (sketch != null) {
            sketch.add(value);
        }
    }

    /**
     * Adds the values {@code other} summarises; {@code other} is taken as the newer part, whose
     * last value wins a tie. Without a sketch on either side the result has none.
     */
    void merge(ValueSummary other) {
        if (other.count == 0) {
            return;
        }
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        if (other.lastTime >= lastTime) {
            lastValue = other.lastValue;
            lastTime = other.lastTime;
        }
        if (sketch != null && other.sketch != null) {
            sketch.merge(other.sketch);
        }
    }

    ValueSummary copy() {
        return of(count, sum, min, max, lastValue, lastTime, sketch == null ? null : sketch.copy());
    }

    long count() {
        return count;
    }

    double sum() {
        return sum;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    double lastValue() {
        return lastValue;
    }

    long lastTime() {
        return lastTime;
    }

    PercentileSketch sketch() {
        return sketch;
    }

    /** The figure of {@code aggregation}, or null without values; a rate is per second of {@code seconds}. */
    Double figure(Aggregation aggregation, double seconds) {
        if (count == 0) {
            return null;
        }
        return switch (aggregation) {
            case SUM -> sum;
            case COUNT -> (double) count;
            case AVG -> sum / count;
            case MIN -> min;
            case MAX -> max;
            case LAST -> lastValue;
            case RATE -> sum / seconds;
            case P50 -> percentile(0.50);
            case P90 -> percentile(0.90);
            case P95 -> percentile(0.95);
            case P99 -> percentile(0.99);
        };
    }

    private double percentile(double quantile) {
        if (sketch == null) {
            throw new IllegalStateException("A percentile of a summary read without its sketch");
        }
        // The sketch answers within its accuracy; the exact extremes make that tighter at the ends.
        return Math.max(min, Math.min(max, sketch.quantile(quantile)));
    }

    static boolean needsSketch(Aggregation aggregation) {
        return switch (aggregation) {
            case P50, P90, P95, P99 -> true;
            default -> false;
        };
    }
}
