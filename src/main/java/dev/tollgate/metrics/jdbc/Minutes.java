package dev.tollgate.metrics.jdbc;

import java.time.Instant;

/** Time arithmetic of the store: minutes and hours since the epoch, and times in microseconds. */
final class Minutes {

    static final int PER_HOUR = 60;
    static final long MICROS_PER_MINUTE = 60_000_000L;

    private Minutes() {
    }

    /** The minute since the epoch that holds {@code time}. */
    static long of(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), 60);
    }

    /** The first minute at or after {@code time}. */
    static long ceiling(Instant time) {
        long minute = of(time);
        return Instant.ofEpochSecond(minute * 60).equals(time) ? minute : minute + 1;
    }

    static Instant start(long minute) {
        return Instant.ofEpochSecond(minute * 60);
    }

    static long hourOf(long minute) {
        return Math.floorDiv(minute, PER_HOUR);
    }

    static Instant hourStart(long hour) {
        return Instant.ofEpochSecond(hour * 3600);
    }

    static long hourOf(Instant hourStart) {
        return Math.floorDiv(hourStart.getEpochSecond(), 3600);
    }

    /** Microseconds since the epoch, the precision both databases keep. */
    static long micros(Instant time) {
        return time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
    }

    static Instant ofMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
