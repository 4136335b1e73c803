package dev.tollgate.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Splits the rows or keys of one write or lookup over statements of at most {@link #MAX_ROWS}.
 * A batch of CDEvents may hold thousands of deployments of 14 columns each, and PostgreSQL binds
 * at most 32,767 values per statement (beyond that jOOQ inlines every value into the SQL text):
 * parts of this size keep the values bound and the statements of a sensible size.
 */
final class StatementRows {

    static final int MAX_ROWS = 1000;

    private StatementRows() {
    }

    static <T> List<List<T>> split(Collection<T> items) {
        List<T> all = List.copyOf(items);
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += MAX_ROWS) {
            parts.add(all.subList(from, Math.min(all.size(), from + MAX_ROWS)));
        }
        return parts;
    }
}
