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
    /** Whether percentiles can be asked: false where a read needed none and so never loaded a sketch. */
    private boolean percentiles;
    /**
     * Null while all values are equal (their distribution is {@code count} times {@link #min}),
     * the common case of a counter written once a minute: most summaries never need a sketch,
     * and memory holds many of them. Also null without {@link #percentiles}.
     */
    private PercentileSketch sketch;

    ValueSummary() {
        this(true);
    }

    ValueSummary(boolean withSketch) {
        percentiles = withSketch;
    }

    /** A stored summary; {@code sketch} null if it was not loaded. */
    static ValueSummary of(long count, double sum, double min, double max, double lastValue, long lastTime,
            PercentileSketch sketch) {
        ValueSummary summary = figures(count, sum, min, max, lastValue, lastTime);
        summary.percentiles = sketch != null;
        summary.sketch = sketch;
        return summary;
    }

    /** A stored summary of {@code count} values all equal to {@code value}, percentiles and all. */
    static ValueSummary ofEqual(long count, double sum, double value, double lastValue, long lastTime) {
        ValueSummary summary = figures(count, sum, value, value, lastValue, lastTime);
        summary.percentiles = true;
        return summary;
    }

    private static ValueSummary figures(long count, double sum, double min, double max, double lastValue,
            long lastTime) {
        ValueSummary summary = new ValueSummary(false);
        summary.count = count;
        summary.sum = sum;
        summary.min = min;
        summary.max = max;
        summary.lastValue = lastValue;
        summary.lastTime = lastTime;
        return summary;
    }

    /** Adds a value; of two values at the same time the one added later is the last. */
    void add(double value, long timeMicros) {
        if (percentiles) {
            if (sketch != null) {
                sketch.add(value);
            } else if (count > 0 && value != min) {
                materialise().add(value);
            }
        }
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
        if (timeMicros >= lastTime) {
            lastValue = value;
            lastTime = timeMicros;
        }
    }

    /**
     * Adds the values {@code other} summarises; {@code other} is taken as the newer part, whose
     * last value wins a tie. Without percentiles on either side the result has none.
     */
    void merge(ValueSummary other) {
        if (other.count == 0) {
            return;
        }
        if (percentiles && !other.percentiles) {
            percentiles = false;
            sketch = null;
        } else if (percentiles && (sketch != null || other.sketch != null || (count > 0 && min != other.min))) {
            PercentileSketch mine = sketch != null ? sketch : materialise();
            if (other.sketch != null) {
                mine.merge(other.sketch);
            } else {
                mine.add(other.min, other.count);
            }
        }
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        if (other.lastTime >= lastTime) {
            lastValue = other.lastValue;
            lastTime = other.lastTime;
        }
    }

    /** The sketch of the values so far, made from them when they were all equal. */
    private PercentileSketch materialise() {
        sketch = new PercentileSketch();
        if (count > 0) {
            sketch.add(min, count);
        }
        return sketch;
    }

    ValueSummary copy() {
        ValueSummary copy = figures(count, sum, min, max, lastValue, lastTime);
        copy.percentiles = percentiles;
        copy.sketch = sketch == null ? null : sketch.copy();
        return copy;
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

    /** Roughly what the sketch takes in memory: 0 without one. */
    long sketchBytes() {
        return sketch == null ? 0 : sketch.bytes();
    }

    /** The sketch, made now if all values were equal so far; null without percentiles. */
    PercentileSketch sketch() {
        return percentiles && sketch == null ? materialise() : sketch;
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
        if (!percentiles) {
            throw new IllegalStateException("A percentile of a summary read without its sketch");
        }
        if (sketch == null) {
            return min;
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
