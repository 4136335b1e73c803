package dev.tollgate.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tollgate.delivery.Deployment;
import dev.tollgate.gate.GateEvaluation;

/**
 * One stage of a service's path as its page shows it: what was deployed there last, and the
 * gate's latest answer about a promotion into it. Either may be null: nothing deployed yet, the
 * gate never asked.
 */
record StageStatus(String stage, Deployment deployed, GateEvaluation gate) {

    /** Every stage of {@code path}, in its order, with its newest deployment and evaluation. */
    static List<StageStatus> of(List<String> path, Map<String, Deployment> latestDeployments,
            List<GateEvaluation> latestEvaluations) {
        Map<String, GateEvaluation> gates = new LinkedHashMap<>();
        // Two evaluations of a stage in the same instant both come back as its newest; one is enough.
        latestEvaluations.forEach(evaluation -> gates.putIfAbsent(evaluation.stage(), evaluation));
        List<StageStatus> statuses = new ArrayList<>();
        for (String stage : path) {
            statuses.add(new StageStatus(stage, latestDeployments.get(stage), gates.get(stage)));
        }
        return statuses;
    }
}
