package dev.tollgate.ingest;

import java.util.Arrays;

/**
 * Remembers what a run of bytes decoded to. Agents send the same series and field keys on every
 * line and every request, so most lines skip unescaping, UTF-8 decoding and allocation, and the
 * lines of one series share one tag map.
 *
 * <p>Bounded (a new entry may replace an old one) and safe to share between threads without
 * locks: entries are immutable and published through final fields, so a reader sees a whole
 * entry or none; a lost race costs a miss, never a wrong answer, as every hit compares the bytes.
 */
final class TokenCache<V> {

    private static final int PROBES = 4;

    private record Entry(byte[] key, int hash, Object value) {
    }

    private final Entry[] entries;
    private final int mask;
    private final int maxKeyLength;

    /**
     * @param maxKeyLength longer keys are never kept: a cache that outlives requests must not let
     *                     a few huge lines hold memory (entries x this is the most it holds)
     */
    TokenCache(int capacityPowerOfTwo, int maxKeyLength) {
        if (Integer.bitCount(capacityPowerOfTwo) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacityPowerOfTwo);
        }
        entries = new Entry[capacityPowerOfTwo];
        mask = capacityPowerOfTwo - 1;
        this.maxKeyLength = maxKeyLength;
    }

    @SuppressWarnings("unchecked")
    V get(byte[] bytes, int from, int to, int hash) {
        int slot = spread(hash);
        for (int probe = 0; probe < PROBES; probe++, slot = (slot + 1) & mask) {
            Entry entry = entries[slot];
            if (entry == null) {
                return null;
            }
            if (entry.hash() == hash && Arrays.equals(entry.key(), 0, entry.key().length, bytes, from, to)) {
                return (V) entry.value();
            }
        }
        return null;
    }

    void put(byte[] bytes, int from, int to, int hash, V value) {
        if (to - from > maxKeyLength) {
            return;
        }
        Entry entry = new Entry(Arrays.copyOfRange(bytes, from, to), hash, value);
        int home = spread(hash);
        int slot = home;
        for (int probe = 0; probe < PROBES; probe++, slot = (slot + 1) & mask) {
            if (entries[slot] == null) {
                entries[slot] = entry;
                return;
            }
        }
        entries[home] = entry;
    }

    private int spread(int hash) {
        return (hash ^ (hash >>> 16)) & mask;
    }
}
