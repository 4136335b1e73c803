package dev.tollgate.metrics.jdbc;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import dev.tollgate.metrics.MetricPoint;

/**
 * Rollup deltas not yet in {@code metric_rollup}: per series (and per service and team total, see
 * {@link SeriesKey}), a summary per minute of the values of the batches applied, and the ids of
 * those batches. Memory grows with the minutes written
 * since the last flush, not with history. Not thread-safe: the store guards it.
 */
final class PendingRollups {

    private final Map<SeriesKey, NavigableMap<Long, ValueSummary>> series = new HashMap<>();
    private long[] batchIds = new long[16];
    private int batchCount;
    private long pointCount;
    /** Series and hours with values: the rollup rows a flush of these deltas writes. */
    private long rowCount;

    void apply(long batchId, List<MetricPoint> points) {
        for (MetricPoint point : points) {
            long minute = Minutes.of(point.time());
            long time = Minutes.micros(point.time());
            SeriesKey.forEachOf(point, key -> add(key, minute, time, point.value()));
        }
        addBatch(batchId);
        pointCount += points.size();
    }

    private void add(SeriesKey key, long minute, long time, double value) {
        NavigableMap<Long, ValueSummary> minutes = series.computeIfAbsent(key, any -> new TreeMap<>());
        ValueSummary summary = minutes.get(minute);
        if (summary == null) {
            if (!hasHour(minutes, Minutes.hourOf(minute))) {
                rowCount++;
            }
            summary = new ValueSummary();
            minutes.put(minute, summary);
        }
        summary.add(value, time);
    }

    /** Takes over everything {@code other} holds; {@code other}'s batches are taken as the newer. */
    void absorb(PendingRollups other) {
        other.series.forEach((key, minutes) -> {
            NavigableMap<Long, ValueSummary> mine = series.computeIfAbsent(key, any -> new TreeMap<>());
            minutes.forEach((minute, summary) -> {
                ValueSummary existing = mine.get(minute);
                if (existing == null) {
                    mine.put(minute, summary);
                } else {
                    existing.merge(summary);
                }
            });
        });
        for (int i = 0; i < other.batchCount; i++) {
            addBatch(other.batchIds[i]);
        }
        pointCount += other.pointCount;
        rowCount = 0;
        series.values().forEach(minutes -> rowCount += minutes.keySet().stream().map(Minutes::hourOf).distinct().count());
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

    long[] batchIds() {
        return Arrays.copyOf(batchIds, batchCount);
    }

    Set<SeriesKey> seriesKeys() {
        return series.keySet();
    }

    /** The minutes of {@code key} from {@code fromMinute} (inclusive) to {@code toMinute} (exclusive). */
    NavigableMap<Long, ValueSummary> minutes(SeriesKey key, long fromMinute, long toMinute) {
        NavigableMap<Long, ValueSummary> minutes = series.get(key);
        return minutes == null ? Collections.emptyNavigableMap() : minutes.subMap(fromMinute, true, toMinute, false);
    }

    Map<SeriesKey, NavigableMap<Long, ValueSummary>> all() {
        return series;
    }

    private static boolean hasHour(NavigableMap<Long, ValueSummary> minutes, long hour) {
        Long next = minutes.ceilingKey(hour * Minutes.PER_HOUR);
        return next != null && Minutes.hourOf(next) == hour;
    }

    private void addBatch(long batchId) {
        if (batchCount == batchIds.length) {
            batchIds = Arrays.copyOf(batchIds, batchCount * 2);
        }
        batchIds[batchCount++] = batchId;
    }
}
