package dev.tollgate.gate;

import java.time.Duration;

import org.springframework.stereotype.Component;

import dev.tollgate.rules.Effect;
import dev.tollgate.rules.RuleOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What the gate tells Micrometer, so that a principal engineer can see what it decided: evaluations
 * by verdict (and whether an override let them through), how long they took, which rules failed,
 * and how many overrides are in force.
 */
@Component
class GateMeters {

    private final MeterRegistry registry;
    private final Timer latency;

    GateMeters(MeterRegistry registry, Overrides overrides) {
        this.registry = registry;
        this.latency = Timer.builder("tollgate.gate.evaluation.duration")
                .description("Time to answer a gate evaluation, the stores' questions included")
                .publishPercentiles(0.5, 0.9, 0.99).publishPercentileHistogram()
                .register(registry);
        Gauge.builder("tollgate.gate.overrides.active", overrides, Overrides::countHolding)
                .description("Overrides in force now").register(registry);
    }

    void evaluated(GateEvaluation evaluation, Duration took) {
        latency.record(took);
        Counter.builder("tollgate.gate.evaluations").description("Gate evaluations by verdict")
                .tag("verdict", evaluation.verdict().name())
                .tag("overridden", String.valueOf(evaluation.override() != null))
                .register(registry).increment();
        for (RuleOutcome outcome : evaluation.results()) {
            // Dry runs count too, apart: how often a rule would have fired is what decides enforcing it.
            if (outcome.effect() != Effect.NONE) {
                Counter.builder("tollgate.gate.rule.failures")
                        .description("Rules whose result weighed against a promotion, by rule, effect and mode")
                        .tag("rule", outcome.rule()).tag("effect", outcome.effect().name())
                        .tag("mode", outcome.dryRun() ? "DRY_RUN" : "ENFORCE")
                        .register(registry).increment();
            }
        }
    }
}
