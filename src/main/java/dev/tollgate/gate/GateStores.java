package dev.tollgate.gate;

import org.springframework.stereotype.Component;

import dev.tollgate.delivery.Deployments;
import dev.tollgate.delivery.TestRuns;
import dev.tollgate.metrics.MetricStore;

/** The stores the gate reads its facts from: metrics, deployments, test runs, and its own history. */
@Component
record GateStores(MetricStore metrics, Deployments deployments, TestRuns testRuns, GateEvaluationRepository evaluations) {
}
