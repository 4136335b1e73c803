package dev.tollgate.gate;

/**
 * What a pipeline asks (the body of {@code POST /api/v1/gate-evaluations}): may {@code version} of
 * {@code service} be promoted into {@code stage}? {@code pipelineRun} names the asking run, for the record.
 */
public record GateQuestion(String service, String version, String stage, String pipelineRun) {

    public static final int MAX_PIPELINE_RUN_LENGTH = 512;
}
