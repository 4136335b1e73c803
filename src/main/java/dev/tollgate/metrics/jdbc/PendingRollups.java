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
 * Rollup deltas not yet in {@code metric_rollup}: per series of a point's own placement, a summary
 * per minute of the values of the batches applied, and the ids of those batches; the service and
 * team totals ({@link SeriesKey}) are built from these when they are flushed, so a point costs one
 * update here, not three. Memory grows with the minutes written since the last flush, not with
 * history.
 *
 * <p>Writers add their points under the store's lock ({@link #add}). Building each batch's deltas
 * apart and merging them in under the lock kept writers from waiting for each other, but cost a
 * quarter more CPU than it saved on two cores: the points are added once, here. Not thread-safe.
 */
final class PendingRollups {

    private final Map<SeriesKey, SeriesMinutes> series = new HashMap<>();
    private final SeriesByIdentity<SeriesMinutes> byIdentity = new SeriesByIdentity<>(1024);
    private long[] batchIds = new long[16];
    private int batchCount;
    private long pointCount;
    /** Series and hours with values: the rollup rows a flush of these deltas writes. */
    private long rowCount;
    /** Summaries of a series' minute: what these deltas take of the heap. */
    private long minuteCount;

    /** Adds the points of batch {@code batchId}. */
    void add(long batchId, List<MetricPoint> points) {
        for (MetricPoint point : points) {
            seriesOf(point).at(Minutes.of(point.time()), this).add(point.value(), Minutes.micros(point.time()));
        }
        addBatch(batchId);
        pointCount += points.size();
    }

    /** The series of a point's own placement, found by the identity of its strings where it can be. */
    private SeriesMinutes seriesOf(MetricPoint point) {
        SeriesMinutes minutes = byIdentity.get(point);
        if (minutes == null) {
            minutes = series.computeIfAbsent(SeriesKey.of(point), any -> new SeriesMinutes());
            byIdentity.put(point, minutes);
        }
        return minutes;
    }

    /** Takes over everything {@code other} holds; {@code other}'s batches are taken as the newer. */
    void absorb(PendingRollups other) {
        merge(other);
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

    /** The minutes of {@code key} from {@code fromMinute} (inclusive) to {@code toMinute} (exclusive), in order. */
    void forEachMinute(SeriesKey key, long fromMinute, long toMinute, ObjLongConsumer<ValueSummary> consumer) {
        SeriesMinutes minutes = series.get(key);
        if (minutes == null) {
            return;
        }
        long firstHour = Minutes.hourOf(fromMinute);
        long lastHour = Minutes.hourOf(toMinute - 1);
        minutes.byHour.subMap(firstHour, true, lastHour, true).forEach((hour, slots) -> {
            for (int slot = 0; slot < Minutes.PER_HOUR; slot++) {
                long minute = hour * Minutes.PER_HOUR + slot;
                if (slots[slot] != null && minute >= fromMinute && minute < toMinute) {
                    consumer.accept(slots[slot], minute);
                }
            }
        });
    }

    /** Each series' hours: the summaries of its minutes indexed by minute of the hour, null where none. */
    void forEachHour(HourConsumer consumer) {
        series.forEach((key, minutes) -> minutes.byHour.forEach((hour, slots) -> consumer.accept(key, hour, slots)));
    }

    @FunctionalInterface
    interface HourConsumer {
        void accept(SeriesKey key, long hour, ValueSummary[] minutes);
    }

    /** Merges the summaries of {@code other} in; they become this one's, so {@code other} is done with. */
    private void merge(PendingRollups other) {
        other.series.forEach((key, theirs) -> {
            SeriesMinutes mine = series.computeIfAbsent(key, any -> new SeriesMinutes());
            theirs.byHour.forEach((hour, slots) -> {
                ValueSummary[] into = mine.hour(hour, this);
                for (int slot = 0; slot < Minutes.PER_HOUR; slot++) {
                    if (slots[slot] == null) {
                        continue;
                    }
                    if (into[slot] == null) {
                        into[slot] = slots[slot];
                        minuteCount++;
                    } else {
                        into[slot].merge(slots[slot]);
                    }
                }
            });
        });
    }

    private void addBatch(long batchId) {
        if (batchCount == batchIds.length) {
            batchIds = Arrays.copyOf(batchIds, batchCount * 2);
        }
        batchIds[batchCount++] = batchId;
    }

    /**
     * One series' minutes, an array per hour: a batch's points come in runs of the same hour, so
     * the hour used last is at hand and a minute is an index into it (a tree of minutes cost a
     * fifth of a write in pointer chasing).
     */
    private static final class SeriesMinutes {

        private final NavigableMap<Long, ValueSummary[]> byHour = new TreeMap<>();
        private long lastHour = Long.MIN_VALUE;
        private ValueSummary[] lastSlots;

        ValueSummary at(long minute, PendingRollups owner) {
            long hour = Minutes.hourOf(minute);
            ValueSummary[] slots = hour(hour, owner);
            int slot = (int) (minute - hour * Minutes.PER_HOUR);
            ValueSummary summary = slots[slot];
            if (summary == null) {
                summary = new ValueSummary();
                slots[slot] = summary;
                owner.minuteCount++;
            }
            return summary;
        }

        ValueSummary[] hour(long hour, PendingRollups owner) {
            if (hour != lastHour || lastSlots == null) {
                ValueSummary[] slots = byHour.get(hour);
                if (slots == null) {
                    slots = new ValueSummary[Minutes.PER_HOUR];
                    byHour.put(hour, slots);
                    owner.rowCount++;
                }
                lastHour = hour;
                lastSlots = slots;
            }
            return lastSlots;
        }
    }
}
