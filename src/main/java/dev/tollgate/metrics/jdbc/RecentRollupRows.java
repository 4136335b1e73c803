package dev.tollgate.metrics.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rollup rows as committed, kept for reads of the hours at a window's edges: the gate asks about
 * the last fifteen minutes or the last hour of a few series many times a second, and reading
 * those rows (blobs and all) from the database was most of what its questions cost. A row the
 * database does not have is kept too, as known to be absent.
 *
 * <p>Only {@link JdbcMetricStore} changes it, and only where a row cannot be stale: a read puts
 * what it fetched only when no flush committed while it read (its sequence unchanged), and a flush
 * replaces the rows it committed that are here before reads may go on (its sequence still odd),
 * both under the store's state lock. So it holds the rows reads asked for, not every row a flush
 * writes: its memory follows what the gate asks, not how many series are written. Hours that
 * retention deletes are dropped and never put again. Least recently used rows go first beyond a
 * size; a row not here is read from the database. Thread-safe.
 */
final class RecentRollupRows {

    private record Key(long seriesId, long hour) {
    }

    /** What an absent row takes: its key and entry. */
    private static final int ABSENT_BYTES = 64;

    private final long maxBytes;
    private long bytes;
    /** Rows that are absent map to an empty optional. */
    private final LinkedHashMap<Key, Optional<StoredHour>> rows = new LinkedHashMap<>(1_024, 0.75f, true);
    /** Hours before this one are being deleted or are gone: never kept again. */
    private long firstKeptHour = Long.MIN_VALUE;

    RecentRollupRows(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The row, an empty optional when it is known to be absent, null when it is not known here. */
    synchronized Optional<StoredHour> get(long seriesId, long hour) {
        return rows.get(new Key(seriesId, hour));
    }

    /** Keeps {@code row} (null: known to be absent) as the committed row of the series and hour. */
    synchronized void put(long seriesId, long hour, StoredHour row) {
        if (hour < firstKeptHour) {
            return;
        }
        Optional<StoredHour> previous = rows.put(new Key(seriesId, hour), Optional.ofNullable(row));
        bytes += bytesOf(row) - (previous == null ? 0 : bytesOf(previous.orElse(null)));
        evictBeyondSize();
    }

    /** Replaces the row of the series and hour with {@code row}, committed just now, if it is here. */
    synchronized void replace(long seriesId, long hour, StoredHour row) {
        Key key = new Key(seriesId, hour);
        Optional<StoredHour> previous = rows.get(key);
        if (previous != null) {
            rows.put(key, Optional.of(row));
            bytes += bytesOf(row) - bytesOf(previous.orElse(null));
            evictBeyondSize();
        }
    }

    /** Forgets the hours before {@code hour}, for good: retention is about to delete them. */
    synchronized void dropBefore(long hour) {
        firstKeptHour = Math.max(firstKeptHour, hour);
        var entries = rows.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Key, Optional<StoredHour>> entry = entries.next();
            if (entry.getKey().hour() < hour) {
                bytes -= bytesOf(entry.getValue().orElse(null));
                entries.remove();
            }
        }
    }

    synchronized void clear() {
        rows.clear();
        bytes = 0;
    }

    synchronized int size() {
        return rows.size();
    }

    private void evictBeyondSize() {
        var eldest = rows.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Map.Entry<Key, Optional<StoredHour>> entry = eldest.next();
            bytes -= bytesOf(entry.getValue().orElse(null));
            eldest.remove();
        }
    }

    private static long bytesOf(StoredHour row) {
        return row == null ? ABSENT_BYTES : ABSENT_BYTES + row.bytes();
    }
}
