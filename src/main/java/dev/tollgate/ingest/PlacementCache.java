package dev.tollgate.ingest;

import java.util.Map;

/**
 * Remembers where the points of a series belong, keyed by the identity of its tag map: the
 * parser hands the lines of one series the same map, request after request, so the placement
 * and its checks run once per series, not once per line. Bounded, and shareable between threads
 * without locks for the reasons {@link TokenCache} gives.
 */
final class PlacementCache {

    /** Sixteen slots for each of a busy agent's thousand series: with 4,096, a fifth of them shared a slot. */
    private static final int SIZE = 16_384;

    /** {@code placement} is a {@link PointPlacement} or the message saying why there is none. */
    private record Entry(Map<String, String> tags, Object placement) {
    }

    private final Entry[] entries = new Entry[SIZE];

    PointPlacement placementOf(Map<String, String> tags) {
        int slot = System.identityHashCode(tags) & (SIZE - 1);
        Entry entry = entries[slot];
        if (entry == null || entry.tags() != tags) {
            Object placement;
            try {
                placement = PointPlacement.of(tags);
            } catch (BadLine bad) {
                placement = bad.getMessage();
            }
            entry = new Entry(tags, placement);
            entries[slot] = entry;
        }
        if (entry.placement() instanceof String problem) {
            throw new BadLine(problem);
        }
        return (PointPlacement) entry.placement();
    }
}
