package dev.tollgate.metrics.jdbc;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.tollgate.metrics.MetricSelector;

/**
 * The series stored in {@code metric_series}, by metric; only ever grows. Also remembers, per
 * metric, which series each selector reads: the gate asks for the same few selectors many times a
 * second, and matching every series of the metric against each took 3% of its CPU. A series
 * registered for a metric forgets what was remembered for that metric. Thread-safe.
 */
final class StoredSeries {

    /** Selectors remembered per metric at most: beyond, the rest are worked out each time. */
    static final int MAX_SELECTORS = 10_000;

    private static final class OfMetric {

        final Map<SeriesKey, Long> ids = new ConcurrentHashMap<>();
        /** Replaced, never cleared, when a series is registered: a read's late answer lands in the old one. */
        volatile Map<MetricSelector, Set<Long>> selected = new ConcurrentHashMap<>();
    }

    private final Map<String, OfMetric> byMetric = new ConcurrentHashMap<>();

    /** The id of the series, null when it is not stored. */
    Long id(SeriesKey key) {
        OfMetric series = byMetric.get(key.metric());
        return series == null ? null : series.ids.get(key);
    }

    void register(SeriesKey key, long id) {
        OfMetric series = byMetric.computeIfAbsent(key.metric(), any -> new OfMetric());
        if (series.ids.put(key, id) == null) {
            series.selected = new ConcurrentHashMap<>();
        }
    }

    /** The ids of the series a read of {@code selector} sums, ascending; unmodifiable. */
    Set<Long> idsOf(MetricSelector selector) {
        OfMetric series = byMetric.get(selector.metric());
        if (series == null) {
            return Set.of();
        }
        // Taken before the ids are read: a series registered meanwhile replaces it, not the answer.
        Map<MetricSelector, Set<Long>> selected = series.selected;
        Set<Long> remembered = selected.get(selector);
        if (remembered != null) {
            return remembered;
        }
        Set<Long> ids = new TreeSet<>();
        series.ids.forEach((key, id) -> {
            if (key.matches(selector)) {
                ids.add(id);
            }
        });
        Set<Long> answer = Collections.unmodifiableSet(ids);
        if (selected.size() < MAX_SELECTORS) {
            selected.put(selector, answer);
        }
        return answer;
    }
}
