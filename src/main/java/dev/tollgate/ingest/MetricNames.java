package dev.tollgate.ingest;

/**
 * The metric of each measurement and field key, one string for each, request after request: the
 * metric store finds a point's series by the identity of its strings, and a new metric string in
 * every request cost it a lookup by value for every series of every request.
 * Bounded, and shareable between threads without locks for the reasons {@link TokenCache} gives.
 */
final class MetricNames {

    private static final int SIZE = 4096;

    /** {@code problem} says why the pair makes no metric; {@code metric} is null then. */
    private record Entry(String measurement, String fieldKey, String metric, String problem) {
    }

    private final Entry[] entries = new Entry[SIZE];

    /**
     * Field {@code value} of measurement {@code m} is metric {@code m}, any other field {@code f}
     * is metric {@code m.f}.
     *
     * @throws BadLine when that is no metric key
     */
    String metricOf(String measurement, String fieldKey) {
        // By value: each cached series has its own measurement string, so a thousand series of one
        // measurement would take a thousand slots by identity, and evict each other.
        int hash = measurement.hashCode() * 31 + fieldKey.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (SIZE - 1);
        Entry entry = entries[slot];
        if (entry == null || !entry.measurement().equals(measurement) || !entry.fieldKey().equals(fieldKey)) {
            try {
                entry = new Entry(measurement, fieldKey, LinePoints.metricOf(measurement, fieldKey), null);
            } catch (BadLine bad) {
                entry = new Entry(measurement, fieldKey, null, bad.getMessage());
            }
            entries[slot] = entry;
        }
        if (entry.problem() != null) {
            throw new BadLine(entry.problem());
        }
        return entry.metric();
    }
}
