package dev.tollgate.metrics.jdbc;

/**
 * A row of {@code metric_rollup} as stored: the figures of the hour, its sketch and its packed
 * minutes. Immutable, so that a flush that fails leaves no trace on it.
 */
record StoredHour(long count, double sum, double min, double max, double lastValue, long lastTime, byte[] sketch,
        byte[] minutes) {

    static StoredHour of(HourRollup rollup) {
        ValueSummary whole = rollup.whole();
        return new StoredHour(whole.count(), whole.sum(), whole.min(), whole.max(), whole.lastValue(),
                whole.lastTime(), rollup.encodeSketch(), rollup.encodeMinutes());
    }

    /** The hour ready to take more values. */
    HourRollup toRollup(long hour) {
        return HourRollup.stored(hour, whole(true), minutes);
    }

    /** The figures of the whole hour, with its sketch when asked. */
    ValueSummary whole(boolean withSketch) {
        return ValueSummary.of(count, sum, min, max, lastValue, lastTime,
                withSketch ? PercentileSketch.readFrom(new BinaryReader(sketch)) : null);
    }

    /** Roughly what it takes in memory. */
    int bytes() {
        return 96 + sketch.length + minutes.length;
    }
}
