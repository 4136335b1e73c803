package dev.tollgate.ingest;

import java.time.Duration;

/** The limits of API.md "Ingestion", one constant each (the tag limits are in {@link PointTags}). */
final class IngestLimits {

    static final int MAX_POINTS_PER_REQUEST = 100_000;
    /** Clocks drift; a day ahead is a mistake, not drift. */
    static final Duration MAX_FUTURE = Duration.ofDays(1);

    private IngestLimits() {
    }
}
