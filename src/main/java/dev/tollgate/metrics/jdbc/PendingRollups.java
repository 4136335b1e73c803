package dev.tollgate.metrics.jdbc;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ObjLongConsumer;

import dev.tollgate.metrics.MetricPoint;

/**
 * Rollup deltas not yet in {@code metric_rollup}: per series of a point's own placement and hour,
 * the values of the batches applied, in the order they were added, and the ids of those batches;
 * the summaries of their minutes ({@link ValueSummary}) are made from the values when they are
 * read or flushed, and the service and team totals ({@link SeriesKey}) from those when they are
 * flushed, so a point costs one append here, not three updates. Memory grows with the points
 * written since the last flush, not with history.
 *
 * <p>Values, not summaries: a summary and its sketch of a minute's few values took some 330 bytes
 * in eight objects, a value takes 12 bytes in two arrays per series and hour. Writes that pack
 * hours of data time into seconds kept the heap full of summaries, and its collector busy with
 * them. A summary made from the values added in order is the summary adding them would have made.
 *
 * <p>Writers add their points under the store's lock ({@link #add}). Building each batch's deltas
 * apart and merging them in under the lock kept writers from waiting for each other, but cost a
 * quarter more CPU than it saved on two cores: the points are added once, here. Not thread-safe.
 */
final class PendingRollups {

    private static final int SERIES_CACHE = 4096;

    private final Map<SeriesKey, SeriesValues> series = new HashMap<>();
    private final CachedSeries[] seriesCache = new CachedSeries[SERIES_CACHE];
    private long[] batchIds = new long[16];
    private int batchCount;
    private long pointCount;
    /** Series and hours with values: the rollup rows a flush of these deltas writes. */
    private long rowCount;
    /** Minutes of a series with values: the summaries a flush of these deltas makes. */
    private long minuteCount;

    /** Adds the points of batch {@code batchId}. */
    void add(long batchId, List<MetricPoint> points) {
        for (MetricPoint point : points) {
            seriesOf(point).add(Minutes.of(point.time()), point.value(), Minutes.micros(point.time()), this);
        }
        addBatch(batchId);
        pointCount += points.size();
    }

    /**
     * The series of a point's own placement, through a small cache by the identity of its metric
     * and placement strings: points of one series share those instances (the parsers cache them),
     * so most points find their series without building a key or hashing strings.
     */
    private SeriesValues seriesOf(MetricPoint point) {
        int hash = System.identityHashCode(point.metric()) * 31 + System.identityHashCode(point.service());
        hash = (hash * 31 + System.identityHashCode(point.stage())) * 31 + System.identityHashCode(point.team());
        int slot = (hash ^ (hash >>> 16)) & (SERIES_CACHE - 1);
        CachedSeries cached = seriesCache[slot];
        if (cached != null && cached.metric == point.metric() && cached.team == point.team()
                && cached.service == point.service() && cached.stage == point.stage()) {
            return cached.series;
        }
        SeriesValues values = series.computeIfAbsent(SeriesKey.of(point), any -> new SeriesValues());
        seriesCache[slot] = new CachedSeries(point.metric(), point.team(), point.service(), point.stage(), values);
        return values;
    }

    private record CachedSeries(String metric, String team, String service, String stage, SeriesValues series) {
    }

    /** Takes over everything {@code other} holds; {@code other}'s batches are taken as the newer. */
    void absorb(PendingRollups other) {
        other.series.forEach((key, theirs) -> {
            SeriesValues mine = series.computeIfAbsent(key, any -> new SeriesValues());
            theirs.byHour.forEach((hour, values) -> mine.hour(hour, this).append(values, this));
        });
        for (int i = 0; i < other.batchCount; i++) {
            addBatch(other.batchIds[i]);
        }
        pointCount += other.pointCount;
    }

    boolean isEmpty() {
        return batchCount == 0;
    }

    int batchCount() {
        return batchCount;
    }

    long pointCount() {
        return pointCount;
    }

    long rowCount() {
        return rowCount;
    }

    long minuteCount() {
        return minuteCount;
    }

    long[] batchIds() {
        return Arrays.copyOf(batchIds, batchCount);
    }

    Set<SeriesKey> seriesKeys() {
        return series.keySet();
    }

    /**
     * The summaries of the minutes of {@code key} from {@code fromMinute} (inclusive) to
     * {@code toMinute} (exclusive), in order; made for the call, so the consumer may keep them.
     */
    void forEachMinute(SeriesKey key, long fromMinute, long toMinute, ObjLongConsumer<ValueSummary> consumer) {
        SeriesValues values = series.get(key);
        if (values == null) {
            return;
        }
        long firstHour = Minutes.hourOf(fromMinute);
        long lastHour = Minutes.hourOf(toMinute - 1);
        values.byHour.subMap(firstHour, true, lastHour, true).forEach((hour, hourValues) -> {
            ValueSummary[] minutes = hourValues.summaries();
            for (int slot = 0; slot < Minutes.PER_HOUR; slot++) {
                long minute = hour * Minutes.PER_HOUR + slot;
                if (minutes[slot] != null && minute >= fromMinute && minute < toMinute) {
                    consumer.accept(minutes[slot], minute);
                }
            }
        });
    }

    /**
     * Each series' hours: the summaries of its minutes indexed by minute of the hour, null where
     * none; made for the call, so the consumer may keep and change them.
     */
    void forEachHour(HourConsumer consumer) {
        series.forEach((key, values) -> values.byHour.forEach((hour, hourValues) ->
                consumer.accept(key, hour, hourValues.summaries())));
    }

    @FunctionalInterface
    interface HourConsumer {
        void accept(SeriesKey key, long hour, ValueSummary[] minutes);
    }

    private void addBatch(long batchId) {
        if (batchCount == batchIds.length) {
            batchIds = Arrays.copyOf(batchIds, batchCount * 2);
        }
        batchIds[batchCount++] = batchId;
    }

    /**
     * One series' values, by hour: a batch's points come in runs of the same hour, so the hour
     * used last is at hand (a tree of minutes cost a fifth of a write in pointer chasing).
     */
    private static final class SeriesValues {

        private final NavigableMap<Long, HourValues> byHour = new TreeMap<>();
        private long lastHour = Long.MIN_VALUE;
        private HourValues lastValues;

        void add(long minute, double value, long micros, PendingRollups owner) {
            hour(Minutes.hourOf(minute), owner).add(value, micros, owner);
        }

        HourValues hour(long hour, PendingRollups owner) {
            if (hour != lastHour || lastValues == null) {
                HourValues values = byHour.get(hour);
                if (values == null) {
                    values = new HourValues(hour);
                    byHour.put(hour, values);
                    owner.rowCount++;
                }
                lastHour = hour;
                lastValues = values;
            }
            return lastValues;
        }
    }

    /**
     * One series' values of one hour in the order they were added, each with its time as
     * microseconds since the hour's start (an hour has 3.6 billion: an unsigned int).
     */
    private static final class HourValues {

        private static final long MICROS_PER_HOUR = Minutes.PER_HOUR * Minutes.MICROS_PER_MINUTE;

        private final long startMicros;
        private double[] values = new double[8];
        private int[] offsets = new int[8];
        private int size;
        /** Bit {@code m} set when minute {@code m} of the hour has values. */
        private long minutes;

        HourValues(long hour) {
            this.startMicros = hour * MICROS_PER_HOUR;
        }

        /** Adds a value at {@code micros} since the epoch, which must lie in this hour. */
        void add(double value, long micros, PendingRollups owner) {
            long offset = micros - startMicros;
            if (offset < 0 || offset >= MICROS_PER_HOUR) {
                throw new IllegalArgumentException("Time " + micros + " is not in the hour starting " + startMicros);
            }
            if (size == values.length) {
                int capacity = size + (size >> 1);
                values = Arrays.copyOf(values, capacity);
                offsets = Arrays.copyOf(offsets, capacity);
            }
            values[size] = value;
            offsets[size++] = (int) offset;
            long minute = 1L << (offset / Minutes.MICROS_PER_MINUTE);
            if ((minutes & minute) == 0) {
                minutes |= minute;
                owner.minuteCount++;
            }
        }

        /** Adds the values of {@code other}, of the same hour, after these. */
        void append(HourValues other, PendingRollups owner) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i], other.startMicros + Integer.toUnsignedLong(other.offsets[i]), owner);
            }
        }

        /** The summaries of the minutes, indexed by minute of the hour, null where none. */
        ValueSummary[] summaries() {
            ValueSummary[] summaries = new ValueSummary[Minutes.PER_HOUR];
            for (int i = 0; i < size; i++) {
                long offset = Integer.toUnsignedLong(offsets[i]);
                int slot = (int) (offset / Minutes.MICROS_PER_MINUTE);
                ValueSummary summary = summaries[slot];
                if (summary == null) {
                    summary = new ValueSummary();
                    summaries[slot] = summary;
                }
                summary.add(values[i], startMicros + offset);
            }
            return summaries;
        }
    }
}
