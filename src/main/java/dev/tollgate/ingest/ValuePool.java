package dev.tollgate.ingest;

import java.util.Collections;
import java.util.Map;

/**
 * One instance for equal names and tag maps of JSON points, request after request. A JSON parser
 * makes a new string for every value; the metric store finds a point's series by the identity of
 * its strings, and {@link MetricIngest} checks a tag map once per instance, so without a pool
 * every JSON point cost a lookup by value in the store and a check and copy of its tags.
 *
 * <p>Bounded (a new entry may replace an old one; long strings and large maps are never kept)
 * and safe to share between threads without locks, as {@link TokenCache} is: strings are
 * immutable, and a pooled map is an unmodifiable view of a map no one else holds.
 */
final class ValuePool {

    private static final int SIZE = 4096;
    /** Longer than any valid metric key or identifier: those are never pooled. */
    private static final int MAX_STRING = 128;

    private final String[] strings = new String[SIZE];
    private final Map<?, ?>[] tagMaps = new Map<?, ?>[SIZE];

    /** {@code value}, or an equal string met before; null for null. */
    String string(String value) {
        if (value == null || value.length() > MAX_STRING) {
            return value;
        }
        int slot = spread(value.hashCode());
        String pooled = strings[slot];
        if (value.equals(pooled)) {
            return pooled;
        }
        strings[slot] = value;
        return value;
    }

    /**
     * {@code tags} as an unmodifiable map, or an equal one met before; null and empty maps as
     * they are. The caller must not change {@code tags} afterwards.
     */
    @SuppressWarnings("unchecked")
    Map<String, String> tags(Map<String, String> tags) {
        if (tags == null || tags.isEmpty() || tags.size() > PointTags.MAX_COUNT) {
            return tags;
        }
        int slot = spread(tags.hashCode());
        Map<String, String> pooled = (Map<String, String>) tagMaps[slot];
        if (tags.equals(pooled)) {
            return pooled;
        }
        Map<String, String> view = Collections.unmodifiableMap(tags);
        if (fits(tags)) {
            tagMaps[slot] = view;
        }
        return view;
    }

    private static boolean fits(Map<String, String> tags) {
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey() == null || tag.getKey().length() > PointTags.MAX_KEY_LENGTH
                    || (tag.getValue() != null && tag.getValue().length() > PointTags.MAX_VALUE_LENGTH)) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int hash) {
        return (hash ^ (hash >>> 16)) & (SIZE - 1);
    }
}
