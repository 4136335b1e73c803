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
 * size; a row not here is read from the database. A row read minute by minute keeps its minutes
 * unpacked beside it, counted in its size. Thread-safe.
 */
final class RecentRollupRows {

    private record Key(long seriesId, long hour) {
    }

    /**
     * A row kept (null: known to be absent), with its minutes once a read unpacked them (null
     * until then) and the bytes both take.
     */
    private record Kept(StoredHour row, ValueSummary[] minutes, long bytes) {

        static Kept of(StoredHour row) {
            return new Kept(row, null, row == null ? ABSENT_BYTES : ABSENT_BYTES + row.bytes());
        }

        Kept withMinutes(ValueSummary[] unpacked) {
            return new Kept(row, unpacked, bytes + bytesOf(unpacked));
        }
    }

    /** What an absent row takes: its key and entry. */
    private static final int ABSENT_BYTES = 64;
    /** What a minute's summary takes without its sketch, and its slot. */
    private static final int SUMMARY_BYTES = 80;

    private final long maxBytes;
    private long bytes;
    private final LinkedHashMap<Key, Kept> rows = new LinkedHashMap<>(1_024, 0.75f, true);
    /** Hours before this one are being deleted or are gone: never kept again. */
    private long firstKeptHour = Long.MIN_VALUE;

    RecentRollupRows(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The row, an empty optional when it is known to be absent, null when it is not known here. */
    synchronized Optional<StoredHour> get(long seriesId, long hour) {
        Kept kept = rows.get(new Key(seriesId, hour));
        return kept == null ? null : Optional.ofNullable(kept.row());
    }

    /**
     * The minutes of {@code row}, the series' row of {@code hour}, unpacked with their sketches;
     * when it is the row kept here, unpacked once and kept with it. The gate reads the same edge
     * rows minute by minute many times a second, and unpacking them again each time was a fifth of
     * all it allocated. The summaries are shared by every read: merge them into others, never
     * change them.
     */
    ValueSummary[] minutes(long seriesId, long hour, StoredHour row) {
        Key key = new Key(seriesId, hour);
        synchronized (this) {
            Kept kept = rows.get(key);
            if (kept != null && kept.row() == row && kept.minutes() != null) {
                return kept.minutes();
            }
        }
        ValueSummary[] unpacked = HourRollup.decodeMinutes(hour, row.minutes(), true);
        synchronized (this) {
            Kept kept = rows.get(key);
            // Only beside the row they come from: a flush may have replaced it meanwhile.
            if (kept != null && kept.row() == row && kept.minutes() == null) {
                rows.put(key, kept.withMinutes(unpacked));
                bytes += bytesOf(unpacked);
                evictBeyondSize();
            }
        }
        return unpacked;
    }

    /** Keeps {@code row} (null: known to be absent) as the committed row of the series and hour. */
    synchronized void put(long seriesId, long hour, StoredHour row) {
        if (hour < firstKeptHour) {
            return;
        }
        keep(new Key(seriesId, hour), Kept.of(row));
    }

    /** Replaces the row of the series and hour with {@code row}, committed just now, if it is here. */
    synchronized void replace(long seriesId, long hour, StoredHour row) {
        Key key = new Key(seriesId, hour);
        if (rows.containsKey(key)) {
            keep(key, Kept.of(row));
        }
    }

    private void keep(Key key, Kept kept) {
        Kept previous = rows.put(key, kept);
        bytes += kept.bytes() - (previous == null ? 0 : previous.bytes());
        evictBeyondSize();
    }

    /** Forgets the hours before {@code hour}, for good: retention is about to delete them. */
    synchronized void dropBefore(long hour) {
        firstKeptHour = Math.max(firstKeptHour, hour);
        var entries = rows.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Key, Kept> entry = entries.next();
            if (entry.getKey().hour() < hour) {
                bytes -= entry.getValue().bytes();
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

    /** What is kept, in bytes: rows, their unpacked minutes and the entries. */
    synchronized long bytes() {
        return bytes;
    }

    private void evictBeyondSize() {
        var eldest = rows.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().bytes();
            eldest.remove();
        }
    }

    private static long bytesOf(ValueSummary[] minutes) {
        long total = 16L + 4L * minutes.length;
        for (ValueSummary minute : minutes) {
            total += minute == null ? 0 : SUMMARY_BYTES + minute.sketchBytes();
        }
        return total;
    }
}
