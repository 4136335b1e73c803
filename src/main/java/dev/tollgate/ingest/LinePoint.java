package dev.tollgate.ingest;

import java.time.Instant;
import java.util.Map;

/**
 * One metric value of a line-protocol line, placed: field {@code value} of measurement {@code m}
 * is metric {@code m}, any other field {@code f} is metric {@code m.f}.
 *
 * @param line    the line it came from, for messages
 * @param service null for a team-level point
 * @param team    null for a service point
 * @param stage   null for a team-level or service-wide point
 * @param tags    the line's tags but the placing ones; points of one series share the map
 */
record LinePoint(int line, String metric, String service, String team, String stage, Instant time, double value,
        Map<String, String> tags) {
}
