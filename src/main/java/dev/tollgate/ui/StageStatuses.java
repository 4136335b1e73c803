package dev.tollgate.ui;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.tollgate.catalog.ServiceDefinition;
import dev.tollgate.delivery.Deployments;
import dev.tollgate.gate.GateEvaluations;

/** Reads what each stage of a service runs and what the gate last said about it. */
@Component
class StageStatuses {

    private final Deployments deployments;
    private final GateEvaluations evaluations;

    StageStatuses(Deployments deployments, GateEvaluations evaluations) {
        this.deployments = deployments;
        this.evaluations = evaluations;
    }

    List<StageStatus> of(ServiceDefinition service) {
        return StageStatus.of(service.stages(), deployments.latestPerStage(service.id()),
                evaluations.latestPerStage(service.id()));
    }
}
