package dev.tollgate.catalog;

/** What applying a catalog document did, per kind of item. */
public record CatalogChanges(Count teams, Count services, Count metricDefinitions, Count goals, Count rules) {

    public record Count(int created, int updated, int unchanged) {

        public Count plus(Count other) {
            return new Count(created + other.created, updated + other.updated, unchanged + other.unchanged);
        }

        int changed() {
            return created + updated;
        }

        Count plus(Saved<?> saved, boolean changed) {
            return saved.created() ? new Count(created + 1, updated, unchanged)
                    : changed ? new Count(created, updated + 1, unchanged) : new Count(created, updated, unchanged + 1);
        }
    }

    static final Count NONE = new Count(0, 0, 0);
}
