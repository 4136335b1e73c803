package dev.tollgate.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * One measured value. A point is placed on a service (and optionally one of its stages; no stage
 * means service-wide) or on a team (a team-level figure such as a business metric). {@code team}
 * is also set on service points: the service's owner when the point was written, so that team
 * figures can sum their services; it is null for a service no team owns yet.
 *
 * @param tags any other tags; kept with the point, not used to select it
 */
public record MetricPoint(String metric, String team, String service, String stage, Instant time, double value,
        Map<String, String> tags) {

    public MetricPoint {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
