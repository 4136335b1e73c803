package dev.tollgate.ingest;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Tollgate measuring its own intake: points accepted and refused by endpoint and reason, batch
 * sizes and write latency (on /actuator/prometheus, and wherever Micrometer exports).
 */
@Component
class IngestMeters {

    private final MeterRegistry registry;

    IngestMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void accepted(String endpoint, int points) {
        Counter.builder("tollgate.ingest.points").tag("endpoint", endpoint).tag("outcome", "accepted").tag("reason", "none")
                .description("Points taken in or refused").register(registry).increment(points);
        DistributionSummary.builder("tollgate.ingest.batch.size").tag("endpoint", endpoint).baseUnit("points")
                .description("Points per accepted request").register(registry).record(points);
    }

    void refused(String endpoint, String reason, int points) {
        Counter.builder("tollgate.ingest.points").tag("endpoint", endpoint).tag("outcome", "refused").tag("reason", reason)
                .description("Points taken in or refused").register(registry).increment(points);
    }

    /** String fields of line protocol are not metrics: dropped, and counted here. */
    void droppedStringFields(int fields) {
        if (fields > 0) {
            Counter.builder("tollgate.ingest.string.fields.dropped")
                    .description("Line-protocol string fields dropped (not metrics)").register(registry).increment(fields);
        }
    }

    void timeWrite(String endpoint, Runnable write) {
        Timer.builder("tollgate.ingest.write").tag("endpoint", endpoint).publishPercentiles(0.5, 0.99)
                .description("Time to store an accepted batch durably").register(registry).record(write);
    }
}
