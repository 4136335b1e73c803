package dev.tollgate.delivery;

/** Where a deployment stands. STARTED is the only status that is not an outcome. */
public enum DeploymentStatus {
    STARTED, SUCCEEDED, FAILED, ROLLED_BACK;

    /** Whether the deployment ended in this status: SUCCEEDED and FAILED. */
    public boolean isOutcome() {
        return this == SUCCEEDED || this == FAILED;
    }

    /** Whether the change failed, as the change failure rate counts it: FAILED and ROLLED_BACK. */
    public boolean isFailure() {
        return this == FAILED || this == ROLLED_BACK;
    }
}
