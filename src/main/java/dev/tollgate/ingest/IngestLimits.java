package dev.tollgate.ingest;

/** The limits of API.md "Ingestion", one constant each (the tag limits are in {@link PointTags}, how far ahead a time may be in
 * {@link dev.tollgate.api.ApiTime#MAX_AHEAD}). */
final class IngestLimits {

    static final int MAX_POINTS_PER_REQUEST = 100_000;

    private IngestLimits() {
    }
}
