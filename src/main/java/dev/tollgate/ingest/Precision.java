package dev.tollgate.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The unit of line-protocol timestamps, as the {@code precision} query parameter names it.
 * InfluxDB 1.x also knows minutes and hours; its 2.x API does not, so an endpoint that speaks
 * only 2.x can refuse them with {@link #onlyInInfluxDb1()}.
 */
enum Precision {

    NANOSECONDS(1L, ChronoUnit.NANOS, "ns", "n"),
    MICROSECONDS(1_000L, ChronoUnit.MICROS, "us", "u"),
    MILLISECONDS(1_000_000L, ChronoUnit.MILLIS, "ms"),
    SECONDS(1_000_000_000L, ChronoUnit.SECONDS, "s"),
    MINUTES(60_000_000_000L, ChronoUnit.MINUTES, "m"),
    HOURS(3_600_000_000_000L, ChronoUnit.HOURS, "h");

    /**
     * The reference's range of timestamps in nanoseconds. Instants outside it could be kept, but
     * InfluxDB (one of Tollgate's stores) refuses them, so they are refused here, up front.
     */
    static final long MIN_NANOS = -9_223_372_036_854_775_806L;
    static final long MAX_NANOS = 9_223_372_036_854_775_806L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long nanosPerUnit;
    private final ChronoUnit unit;
    private final String wireName;
    private final String shortName;

    Precision(long nanosPerUnit, ChronoUnit unit, String wireName, String shortName) {
        this.nanosPerUnit = nanosPerUnit;
        this.unit = unit;
        this.wireName = wireName;
        this.shortName = shortName;
    }

    Precision(long nanosPerUnit, ChronoUnit unit, String wireName) {
        this(nanosPerUnit, unit, wireName, wireName);
    }

    /** The precision a query parameter names; no parameter (null or empty) means nanoseconds. */
    static Optional<Precision> named(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(NANOSECONDS);
        }
        for (Precision precision : values()) {
            if (precision.wireName.equals(name) || precision.shortName.equals(name)) {
                return Optional.of(precision);
            }
        }
        return Optional.empty();
    }

    String wireName() {
        return wireName;
    }

    boolean onlyInInfluxDb1() {
        return this == MINUTES || this == HOURS;
    }

    /** The instant of a timestamp in this unit; empty when it lies outside the reference's range. */
    Optional<Instant> instantOf(long timestamp) {
        long nanos;
        try {
            nanos = Math.multiplyExact(timestamp, nanosPerUnit);
        } catch (ArithmeticException outOfRange) {
            return Optional.empty();
        }
        if (nanos < MIN_NANOS || nanos > MAX_NANOS) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND),
                Math.floorMod(nanos, NANOS_PER_SECOND)));
    }

    /**
     * The time of a line without a timestamp. InfluxDB truncates it to the precision of the
     * write, so a client that writes in seconds never sees fractions it did not send.
     */
    Instant truncate(Instant defaultTime) {
        return defaultTime.truncatedTo(unit);
    }

    /** The smallest and largest timestamp this unit accepts, for messages. */
    long minTimestamp() {
        return Math.ceilDiv(MIN_NANOS, nanosPerUnit);
    }

    long maxTimestamp() {
        return Math.floorDiv(MAX_NANOS, nanosPerUnit);
    }
}
