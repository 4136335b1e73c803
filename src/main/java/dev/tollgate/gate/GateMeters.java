package dev.tollgate.gate;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

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
 * how many overrides are in force, and what became of the teams' webhook deliveries.
 */
@Component
class GateMeters {

    private final MeterRegistry registry;
    private final Timer latency;
    private final Counter unrecorded;
    private final Map<DeliveryOutcome, Counter> deliveries = new EnumMap<>(DeliveryOutcome.class);

    /** What became of one notification: a receiver that answered 2xx, one that never did, or no room to try. */
    enum DeliveryOutcome {
        DELIVERED, FAILED, DROPPED
    }

    GateMeters(MeterRegistry registry, Overrides overrides) {
        this.registry = registry;
        this.latency = Timer.builder("tollgate.gate.evaluation.duration")
                .description("Time to answer a gate evaluation, the stores' questions included")
                .publishPercentiles(0.5, 0.9, 0.99).publishPercentileHistogram()
                .register(registry);
        unrecorded = Counter.builder("tollgate.gate.evaluations.unrecorded")
                .description("Gate questions answered STOP without a record, the database being unavailable")
                .register(registry);
        Gauge.builder("tollgate.gate.overrides.active", overrides, Overrides::countHolding)
                .description("Overrides in force now").register(registry);
        // Registered up front: a dashboard shows "0 dropped" rather than no line at all.
        for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
            deliveries.put(outcome, Counter.builder("tollgate.gate.webhook.deliveries")
                    .description("Team webhook notifications by outcome, each counted once whatever its attempts")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    void webhookDelivery(DeliveryOutcome outcome) {
        deliveries.get(outcome).increment();
    }

    void unrecorded() {
        unrecorded.increment();
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
