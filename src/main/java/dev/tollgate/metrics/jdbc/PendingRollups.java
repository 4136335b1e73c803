package dev.tollgate.metrics.jdbc;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import dev.tollgate.metrics.MetricPoint;

/**
 * Rollup deltas not yet in {@code metric_rollup}: per series (and per service and team total, see
 * {@link SeriesKey}), a summary per minute of the values of the batches applied, and the ids of
 * those batches. Memory grows with the minutes written since the last flush, not with history.
 *
 * <p>Writers add their points under the store's lock ({@link #add}). Building each batch's deltas
 * apart and merging them in under the lock kept writers from waiting for each other, but cost a
 * quarter more CPU than it saved on two cores: the points are added once, here. Not thread-safe.
 */
final class PendingRollups {

    private final Map<SeriesKey, SeriesMinutes> series = new HashMap<>();
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
            long minute = Minutes.of(point.time());
            long time = Minutes.micros(point.time());
            SeriesKey.forEachOf(point, key -> series.computeIfAbsent(key, any -> new SeriesMinutes())
                    .at(minute, this).add(point.value(), time));
        }
        addBatch(batchId);
        pointCount += points.size();
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

    /** The minutes of {@code key} from {@code fromMinute} (inclusive) to {@code toMinute} (exclusive). */
    NavigableMap<Long, ValueSummary> minutes(SeriesKey key, long fromMinute, long toMinute) {
        SeriesMinutes minutes = series.get(key);
        return minutes == null ? Collections.emptyNavigableMap()
                : minutes.byMinute.subMap(fromMinute, true, toMinute, false);
    }

    void forEach(BiConsumer<SeriesKey, NavigableMap<Long, ValueSummary>> consumer) {
        series.forEach((key, minutes) -> consumer.accept(key, minutes.byMinute));
    }

    /** Merges the summaries of {@code other} in; they become this one's, so {@code other} is done with. */
    private void merge(PendingRollups other) {
        other.series.forEach((key, theirs) -> {
            SeriesMinutes mine = series.computeIfAbsent(key, any -> new SeriesMinutes());
            theirs.byMinute.forEach((minute, summary) -> {
                ValueSummary existing = mine.byMinute.get(minute);
                if (existing == null) {
                    mine.put(minute, summary, this);
                } else {
                    existing.merge(summary);
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

    /** One series' minutes; the minute used last is at hand, for a batch's points come in runs. */
    private static final class SeriesMinutes {

        private final NavigableMap<Long, ValueSummary> byMinute = new TreeMap<>();
        private long lastMinute = Long.MIN_VALUE;
        private ValueSummary last;

        ValueSummary at(long minute, PendingRollups owner) {
            if (minute != lastMinute || last == null) {
                ValueSummary summary = byMinute.get(minute);
                if (summary == null) {
                    summary = new ValueSummary();
                    put(minute, summary, owner);
                }
                lastMinute = minute;
                last = summary;
            }
            return last;
        }

        void put(long minute, ValueSummary summary, PendingRollups owner) {
            long hour = Minutes.hourOf(minute);
            Long next = byMinute.ceilingKey(hour * Minutes.PER_HOUR);
            if (next == null || Minutes.hourOf(next) != hour) {
                owner.rowCount++;
            }
            owner.minuteCount++;
            byMinute.put(minute, summary);
        }
    }
}
