package dev.tollgate.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tollgate.api.Identifier;

/**
 * Where the points of a line belong, read from its tags (API.md, "Ingestion"): tag
 * {@code service} or {@code team}, exactly one; for a service, tag {@code stage}, or {@code env}
 * when there is no {@code stage} (what Telegraf and Micrometer set by habit). The placing tags
 * leave the tag map; every other tag stays with the point.
 *
 * <p>A team-level point has no stage, so an explicit {@code stage} tag beside {@code team} is
 * refused, while an {@code env} tag there stays an ordinary tag: agents often add {@code env} to
 * everything they send.
 *
 * @param service null for a team-level point
 * @param team    null for a service point (the store fills in the service's owner)
 * @param stage   null for a team-level or service-wide point
 * @param tags    the other tags
 */
record PointPlacement(String service, String team, String stage, Map<String, String> tags) {

    static final String SERVICE = "service";
    static final String TEAM = "team";
    static final String STAGE = "stage";
    static final String ENV = "env";

    /** @throws BadLine when the tags place the point nowhere, or twice, or break a tag limit */
    static PointPlacement of(Map<String, String> lineTags) {
        String service = lineTags.get(SERVICE);
        String team = lineTags.get(TEAM);
        if (service == null && team == null) {
            throw new BadLine("missing tag 'service' or 'team': a point belongs to a service or to a team");
        }
        if (service != null && team != null) {
            throw new BadLine("tags 'service' and 'team' are both given: a point belongs to a service or to a team,"
                    + " not both");
        }
        String stageKey = null;
        if (service != null) {
            identifier(SERVICE, service);
            stageKey = lineTags.containsKey(STAGE) ? STAGE : lineTags.containsKey(ENV) ? ENV : null;
        } else {
            identifier(TEAM, team);
            if (lineTags.containsKey(STAGE)) {
                throw new BadLine("tag 'stage' is given with tag 'team': a team-level point has no stage");
            }
        }
        String stage = stageKey == null ? null : lineTags.get(stageKey);
        if (stage != null) {
            identifier(stageKey, stage);
        }
        Map<String, String> tags = new LinkedHashMap<>(lineTags);
        tags.remove(SERVICE);
        tags.remove(TEAM);
        if (stageKey != null) {
            tags.remove(stageKey);
        }
        String problem = PointTags.problemWith(tags);
        if (problem != null) {
            throw new BadLine(problem);
        }
        return new PointPlacement(service, team, stage, Collections.unmodifiableMap(tags));
    }

    private static void identifier(String tag, String value) {
        if (!Identifier.isValid(value)) {
            throw new BadLine("tag '" + tag + "' value " + BadLine.quote(value) + " must be " + Identifier.DESCRIPTION);
        }
    }
}
