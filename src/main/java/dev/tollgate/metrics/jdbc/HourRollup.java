package dev.tollgate.metrics.jdbc;

/**
 * One series' figures of one hour, as a row of {@code metric_rollup} holds them: the whole hour
 * and each minute that has values. The minutes are packed into one deflated blob; a minute
 * whose values are all equal needs no sketch of its own (its values are known), which is the
 * common case of counters written once or a few times a minute.
 */
final class HourRollup {

    private static final int FORMAT = 1;

    private final long hour;
    private final ValueSummary whole;
    private final ValueSummary[] minutes;

    private HourRollup(long hour, ValueSummary whole, ValueSummary[] minutes) {
        this.hour = hour;
        this.whole = whole;
        this.minutes = minutes;
    }

    static HourRollup empty(long hour) {
        return new HourRollup(hour, new ValueSummary(), new ValueSummary[Minutes.PER_HOUR]);
    }

    /** A stored hour, its minutes unpacked and with all sketches, ready to take more values. */
    static HourRollup stored(long hour, ValueSummary whole, byte[] minutes) {
        return new HourRollup(hour, whole, decodeMinutes(hour, minutes, true));
    }

    long hour() {
        return hour;
    }

    ValueSummary whole() {
        return whole;
    }

    /** Adds the values of {@code minute} (since the epoch, inside this hour). */
    void merge(long minute, ValueSummary values) {
        int slot = (int) (minute - hour * Minutes.PER_HOUR);
        if (slot < 0 || slot >= Minutes.PER_HOUR) {
            throw new IllegalArgumentException("Minute " + minute + " is not in hour " + hour);
        }
        if (minutes[slot] == null) {
            minutes[slot] = new ValueSummary();
        }
        minutes[slot].merge(values);
        whole.merge(values);
    }

    byte[] encodeSketch() {
        BinaryWriter out = new BinaryWriter(64);
        whole.sketch().writeTo(out);
        return out.toByteArray();
    }

    byte[] encodeMinutes() {
        BinaryWriter out = new BinaryWriter(1024);
        int present = 0;
        for (ValueSummary minute : minutes) {
            present += minute == null ? 0 : 1;
        }
        out.writeUnsigned(present);
        BinaryWriter sketch = new BinaryWriter(64);
        for (int slot = 0; slot < Minutes.PER_HOUR; slot++) {
            ValueSummary minute = minutes[slot];
            if (minute == null) {
                continue;
            }
            long minuteStart = (hour * Minutes.PER_HOUR + slot) * Minutes.MICROS_PER_MINUTE;
            out.writeByte(slot);
            out.writeUnsigned(minute.count());
            out.writeDouble(minute.sum());
            out.writeDouble(minute.min());
            out.writeDouble(minute.max());
            out.writeDouble(minute.lastValue());
            out.writeSigned(minute.lastTime() - minuteStart);
            if (minute.min() != minute.max()) {
                sketch.clear();
                minute.sketch().writeTo(sketch);
                out.writeSized(sketch);
            }
        }
        return Compression.deflate(FORMAT, out);
    }

    /**
     * The minutes of a stored hour, indexed by minute of the hour, null where there were no
     * values; without {@code withSketch} the sketches are skipped, not decoded.
     */
    static ValueSummary[] decodeMinutes(long hour, byte[] blob, boolean withSketch) {
        if (blob[0] != FORMAT) {
            throw new IllegalArgumentException("Unknown minutes format " + blob[0]);
        }
        BinaryReader in = new BinaryReader(Compression.inflate(blob));
        ValueSummary[] minutes = new ValueSummary[Minutes.PER_HOUR];
        int present = in.readCount();
        for (int i = 0; i < present; i++) {
            int slot = in.readByte();
            if (slot >= Minutes.PER_HOUR) {
                throw new IllegalArgumentException("Minute " + slot + " of an hour");
            }
            long minuteStart = (hour * Minutes.PER_HOUR + slot) * Minutes.MICROS_PER_MINUTE;
            long count = in.readUnsigned();
            double sum = in.readDouble();
            double min = in.readDouble();
            double max = in.readDouble();
            double lastValue = in.readDouble();
            long lastTime = minuteStart + in.readSigned();
            if (min == max) {
                minutes[slot] = withSketch ? ValueSummary.ofEqual(count, sum, min, lastValue, lastTime)
                        : ValueSummary.of(count, sum, min, max, lastValue, lastTime, null);
            } else if (withSketch) {
                minutes[slot] = ValueSummary.of(count, sum, min, max, lastValue, lastTime,
                        PercentileSketch.readFrom(in.readSized()));
            } else {
                in.skipSized();
                minutes[slot] = ValueSummary.of(count, sum, min, max, lastValue, lastTime, null);
            }
        }
        return minutes;
    }
}
