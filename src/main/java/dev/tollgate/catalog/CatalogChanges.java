package dev.tollgate.catalog;

/** What applying a catalog document did, per kind of item. */
public record CatalogChanges(Count teams, Count services, Count metricDefinitions, Count goals) {

    public record Count(int created, int updated, int unchanged) {

        Count plus(Saved<?> saved, boolean changed) {
            return saved.created() ? new Count(created + 1, updated, unchanged)
                    : changed ? new Count(created, updated + 1, unchanged) : new Count(created, updated, unchanged + 1);
        }
    }

    static final Count NONE = new Count(0, 0, 0);
}
