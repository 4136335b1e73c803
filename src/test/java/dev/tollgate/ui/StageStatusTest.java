package dev.tollgate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tollgate.delivery.Deployment;
import dev.tollgate.delivery.DeploymentStatus;
import dev.tollgate.gate.GateEvaluation;
import dev.tollgate.rules.Verdict;

class StageStatusTest {

    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void every_stage_of_the_path_is_listed_in_its_order_with_what_it_runs_and_the_gates_latest_answer() {
        Deployment inBeta = deployment("beta", "1.3.0");
        Deployment inProd = deployment("prod", "1.2.0");
        GateEvaluation intoProd = evaluation("e1", "prod", "1.3.0", Verdict.Decision.STOP);

        List<StageStatus> statuses = StageStatus.of(List.of("beta", "gamma", "prod"),
                Map.of("prod", inProd, "beta", inBeta), List.of(intoProd));

        assertThat(statuses).containsExactly(new StageStatus("beta", inBeta, null),
                new StageStatus("gamma", null, null), new StageStatus("prod", inProd, intoProd));
    }

    @Test
    void of_two_evaluations_of_a_stage_in_the_same_instant_the_first_answered_is_shown() {
        GateEvaluation first = evaluation("e2", "prod", "1.3.0", Verdict.Decision.WAIT);
        GateEvaluation second = evaluation("e1", "prod", "1.3.0", Verdict.Decision.STOP);

        List<StageStatus> statuses = StageStatus.of(List.of("prod"), Map.of(), List.of(first, second));

        assertThat(statuses).containsExactly(new StageStatus("prod", null, first));
    }

    private static Deployment deployment(String stage, String version) {
        return new Deployment("d-" + stage, "checkout", stage, version, DeploymentStatus.SUCCEEDED, AT, AT, AT, null,
                null, null, List.of(), AT, AT);
    }

    private static GateEvaluation evaluation(String id, String stage, String version, Verdict.Decision verdict) {
        return new GateEvaluation(id, "checkout", version, stage, "gamma", verdict, null, AT, 3, null, List.of(),
                List.of(), null);
    }
}
