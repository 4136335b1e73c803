package dev.tollgate.metrics.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rollup rows the last flushes wrote, least recently used dropped first beyond a size: the
 * next flush merges into the current hour again and again, and reading those rows back (rows
 * with their blobs) would cost more than writing them. Holds only committed rows; the flush
 * clears it when a transaction fails and checks that every row it updates is there, so a stale
 * entry fails a flush instead of losing values. Not thread-safe: the flush lock guards it.
 */
final class HotRollupRows {

    private record Key(long seriesId, long hour) {
    }

    private final long maxBytes;
    private long bytes;
    private final LinkedHashMap<Key, StoredHour> rows = new LinkedHashMap<>(1_024, 0.75f, true);

    HotRollupRows(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    StoredHour get(long seriesId, long hour) {
        return rows.get(new Key(seriesId, hour));
    }

    void put(long seriesId, long hour, StoredHour row) {
        StoredHour previous = rows.put(new Key(seriesId, hour), row);
        bytes += row.bytes() - (previous == null ? 0 : previous.bytes());
        var eldest = rows.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Map.Entry<Key, StoredHour> entry = eldest.next();
            bytes -= entry.getValue().bytes();
            eldest.remove();
        }
    }

    void clear() {
        rows.clear();
        bytes = 0;
    }

    int size() {
        return rows.size();
    }
}
