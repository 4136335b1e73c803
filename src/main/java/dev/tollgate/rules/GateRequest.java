package dev.tollgate.rules;

import java.time.Instant;

/**
 * The question a pipeline asks: may {@code version} of {@code service} (owned by {@code team},
 * null when unowned) go from {@code sourceStage} (null when the target is the first stage of the
 * service's path) into {@code targetStage}, at {@code now}?
 */
public record GateRequest(String service, String team, String version, String sourceStage, String targetStage, Instant now) {
}
