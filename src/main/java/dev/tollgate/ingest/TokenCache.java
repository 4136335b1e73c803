package dev.tollgate.ingest;

import java.util.Arrays;

/**
 * Remembers what a run of bytes decoded to, for one body. Agents repeat the same series and
 * field keys on every line, so most lines skip unescaping, UTF-8 decoding and allocation, and
 * lines of one series share one tag map. Bounded: when full, a new entry replaces an old one.
 */
final class TokenCache<V> {

    private static final int PROBES = 4;

    private final byte[][] keys;
    private final int[] hashes;
    private final Object[] values;
    private final int mask;

    TokenCache(int capacityPowerOfTwo) {
        if (Integer.bitCount(capacityPowerOfTwo) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacityPowerOfTwo);
        }
        keys = new byte[capacityPowerOfTwo][];
        hashes = new int[capacityPowerOfTwo];
        values = new Object[capacityPowerOfTwo];
        mask = capacityPowerOfTwo - 1;
    }

    static int hash(byte[] bytes, int from, int to) {
        int hash = 1;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + bytes[i];
        }
        return hash;
    }

    @SuppressWarnings("unchecked")
    V get(byte[] bytes, int from, int to, int hash) {
        int slot = spread(hash);
        for (int probe = 0; probe < PROBES; probe++, slot = (slot + 1) & mask) {
            byte[] key = keys[slot];
            if (key == null) {
                return null;
            }
            if (hashes[slot] == hash && Arrays.equals(key, 0, key.length, bytes, from, to)) {
                return (V) values[slot];
            }
        }
        return null;
    }

    void put(byte[] bytes, int from, int to, int hash, V value) {
        int home = spread(hash);
        int slot = home;
        for (int probe = 0; probe < PROBES; probe++, slot = (slot + 1) & mask) {
            if (keys[slot] == null) {
                store(slot, bytes, from, to, hash, value);
                return;
            }
        }
        store(home, bytes, from, to, hash, value);
    }

    private void store(int slot, byte[] bytes, int from, int to, int hash, V value) {
        keys[slot] = Arrays.copyOfRange(bytes, from, to);
        hashes[slot] = hash;
        values[slot] = value;
    }

    private int spread(int hash) {
        return (hash ^ (hash >>> 16)) & mask;
    }
}
