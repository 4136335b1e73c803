package dev.tollgate.metrics.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rollup rows the last flushes wrote, least recently used dropped first beyond a size: the
 * next flush merges into the current hour again and again, and reading those rows back (rows
 * with their blobs) would cost more than writing them. Holds only committed rows; the flush
 * clears it when a transaction fails and checks that every row it updates is there, so a stale
 * entry fails a flush instead of losing values. Not thread-safe: the flush lock guards it.
 *
 * <p>A row no flush wrote in the last {@link #KEPT_FLUSHES} is dropped, even below the size: the
 * flushes of a steady stream write the current hour's rows every time, and the rest (the hours a
 * backfill or a bulk load wrote, the hour before the current one) would stay on the heap only to
 * be dropped some day: after the gate benchmark's load, 64 MiB of them, half of the live heap.
 */
final class HotRollupRows {

    /** Flushes after which a row no flush wrote again is dropped (about half a minute when quiet). */
    static final int KEPT_FLUSHES = 3;

    private record Key(long seriesId, long hour) {
    }

    /** A row and the flush that last wrote it. */
    private record Hot(StoredHour row, long flush) {
    }

    private final long maxBytes;
    private long bytes;
    private final LinkedHashMap<Key, Hot> rows = new LinkedHashMap<>(1_024, 0.75f, true);
    /** Flushes so far. */
    private long flushes;

    HotRollupRows(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    StoredHour get(long seriesId, long hour) {
        Hot hot = rows.get(new Key(seriesId, hour));
        return hot == null ? null : hot.row();
    }

    /** Keeps {@code row}, which the flush under way wrote. */
    void put(long seriesId, long hour, StoredHour row) {
        Hot previous = rows.put(new Key(seriesId, hour), new Hot(row, flushes));
        bytes += row.bytes() - (previous == null ? 0 : previous.row().bytes());
        var eldest = rows.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().row().bytes();
            eldest.remove();
        }
    }

    /** A flush ended (or found nothing to write): drops the rows the last flushes did not write. */
    void flushed() {
        flushes++;
        long oldestKept = flushes - KEPT_FLUSHES;
        // Rows are in the order they were last used, and a flush writes every row it reads.
        var eldest = rows.entrySet().iterator();
        while (eldest.hasNext()) {
            Hot hot = eldest.next().getValue();
            if (hot.flush() >= oldestKept) {
                return;
            }
            bytes -= hot.row().bytes();
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
