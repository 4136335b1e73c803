package dev.tollgate.metrics.jdbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tollgate.metrics.MetricPoint;

/**
 * The series of a batch's points, worked out once for the batch: numbered in the order they first
 * appear, for its encoding ({@link BatchCodec}) and the rollups in memory ({@link PendingRollups})
 * alike. Each had looked up every point's series in a map of its own, and the rollups' lookups,
 * in a map that outlives requests and so compares strings by content, were the most of a write's
 * time after the commit.
 *
 * <p>The points of one series in one request share their strings (the parsers and the catalog
 * read hand them out once), so a table by the identity of those strings finds the series of most
 * points; a point whose strings are new instances goes through a map by value.
 */
final class BatchSeries {

    /** Slots of the identity table: a few thousand series a batch, in 64 KiB. */
    private static final int MAX_TABLE = 8192;

    private final List<MetricPoint> points;
    private final List<SeriesKey> series = new ArrayList<>();
    private final int[] ofPoint;

    private BatchSeries(List<MetricPoint> points) {
        this.points = points;
        this.ofPoint = new int[points.size()];
        Map<SeriesKey, Integer> byValue = new HashMap<>();
        // Linear probing, kept at most half full (later strings go by value), so probes are short.
        int capacity = Integer.highestOneBit(Math.min(MAX_TABLE, Math.max(16, points.size() * 2)));
        int mask = capacity - 1;
        MetricPoint[] firsts = new MetricPoint[capacity];
        int[] numbers = new int[capacity];
        int used = 0;
        for (int i = 0; i < ofPoint.length; i++) {
            MetricPoint point = points.get(i);
            int slot = identityHash(point) & mask;
            while (firsts[slot] != null && !sameStrings(firsts[slot], point)) {
                slot = (slot + 1) & mask;
            }
            if (firsts[slot] != null) {
                ofPoint[i] = numbers[slot];
                continue;
            }
            SeriesKey key = SeriesKey.of(point);
            Integer number = byValue.get(key);
            if (number == null) {
                number = series.size();
                series.add(key);
                byValue.put(key, number);
            }
            if (2 * (used + 1) <= capacity) {
                firsts[slot] = point;
                numbers[slot] = number;
                used++;
            }
            ofPoint[i] = number;
        }
    }

    static BatchSeries of(List<MetricPoint> points) {
        return new BatchSeries(points);
    }

    List<MetricPoint> points() {
        return points;
    }

    /** The distinct series, by number. */
    List<SeriesKey> series() {
        return series;
    }

    /** The number of the series of point {@code index}. */
    int seriesOf(int index) {
        return ofPoint[index];
    }

    private static int identityHash(MetricPoint point) {
        int hash = System.identityHashCode(point.metric()) * 31 + System.identityHashCode(point.service());
        hash = (hash * 31 + System.identityHashCode(point.stage())) * 31 + System.identityHashCode(point.team());
        return hash ^ (hash >>> 16);
    }

    private static boolean sameStrings(MetricPoint a, MetricPoint b) {
        return a.metric() == b.metric() && a.team() == b.team() && a.service() == b.service()
                && a.stage() == b.stage();
    }
}
