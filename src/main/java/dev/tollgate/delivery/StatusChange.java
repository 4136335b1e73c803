package dev.tollgate.delivery;

import java.time.Instant;

/** One status a deployment was reported in, and when it entered it. */
public record StatusChange(DeploymentStatus status, Instant time) {
}
