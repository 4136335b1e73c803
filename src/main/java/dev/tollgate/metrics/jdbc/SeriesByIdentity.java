package dev.tollgate.metrics.jdbc;

import java.util.Arrays;

import dev.tollgate.metrics.MetricPoint;

/**
 * A point's own series found by the identity of its metric and placement strings: the points of
 * one series share those instances (the parsers cache them), so most points find their series
 * without building a {@link SeriesKey} or hashing a string. Open addressing, so that thousands of
 * series do not evict each other as they did in a direct-mapped cache of 4,096 slots (half of
 * 3,000 series shared a slot and missed on every point). Bounded: past {@link #MAX_ENTRIES} (strings that are equal but not shared) it
 * starts over. Not thread-safe.
 *
 * @param <V> what a series maps to
 */
final class SeriesByIdentity<V> {

    private static final int MAX_ENTRIES = 1 << 16;

    private Entry<V>[] table;
    private int size;

    SeriesByIdentity(int expected) {
        table = newTable(Integer.highestOneBit(Math.max(16, expected) * 2 - 1) * 2);
    }

    /** The value of the point's series, or null when it has none yet. */
    V get(MetricPoint point) {
        Entry<V>[] entries = table;
        int mask = entries.length - 1;
        for (int slot = hash(point) & mask; ; slot = (slot + 1) & mask) {
            Entry<V> entry = entries[slot];
            if (entry == null) {
                return null;
            }
            if (entry.metric == point.metric() && entry.team == point.team() && entry.service == point.service()
                    && entry.stage == point.stage()) {
                return entry.value;
            }
        }
    }

    /** Gives the point's series {@code value}; the series must have none yet. */
    void put(MetricPoint point, V value) {
        if (size >= MAX_ENTRIES) {
            clear();
        } else if (2 * (size + 1) > table.length) {
            Entry<V>[] old = table;
            table = newTable(old.length * 2);
            for (Entry<V> entry : old) {
                if (entry != null) {
                    insert(entry);
                }
            }
        }
        insert(new Entry<>(point.metric(), point.team(), point.service(), point.stage(), value));
        size++;
    }

    private void clear() {
        Arrays.fill(table, null);
        size = 0;
    }

    private void insert(Entry<V> entry) {
        int mask = table.length - 1;
        int slot = hash(entry.metric, entry.team, entry.service, entry.stage) & mask;
        while (table[slot] != null) {
            slot = (slot + 1) & mask;
        }
        table[slot] = entry;
    }

    private static int hash(MetricPoint point) {
        return hash(point.metric(), point.team(), point.service(), point.stage());
    }

    private static int hash(String metric, String team, String service, String stage) {
        int hash = System.identityHashCode(metric) * 31 + System.identityHashCode(service);
        hash = (hash * 31 + System.identityHashCode(stage)) * 31 + System.identityHashCode(team);
        return hash ^ (hash >>> 16);
    }

    @SuppressWarnings("unchecked")
    private static <V> Entry<V>[] newTable(int capacity) {
        return (Entry<V>[]) new Entry<?>[capacity];
    }

    private record Entry<V>(String metric, String team, String service, String stage, V value) {
    }
}
