package dev.tollgate.delivery;

import java.time.Instant;

/**
 * What a pipeline reports about a deployment (the body of {@code POST /api/v1/deployments}).
 * {@code id} is an idempotency key: the same id again updates that deployment. Without one, a
 * deployment is named by (service, stage, version) and a later report updates the newest one.
 * {@code time}, the time of this status, defaults to now.
 */
public record DeploymentReport(String id, String service, String stage, String version, DeploymentStatus status,
        Instant time, String commit, Instant commitTime, String pipelineRun) {

    public static final int MAX_COMMIT_LENGTH = 128;
    public static final int MAX_PIPELINE_RUN_LENGTH = 512;
}
