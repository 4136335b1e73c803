package dev.tollgate.gate;

import java.time.Instant;
import java.util.List;

import dev.tollgate.rules.RuleOutcome;
import dev.tollgate.rules.Verdict;

/**
 * One answer of the gate, as API.md "Promotion gate" shows it and as it is kept.
 *
 * @param sourceStage the stage before {@code stage} in the service's path; null for the first stage
 * @param retryAfter  seconds to wait before asking again, with WAIT; null otherwise
 * @param warnings    what the verdict comes with that no rule says (no rules at all, say)
 * @param override    the override the answer was given under, or null
 */
public record GateEvaluation(String id, String service, String version, String stage, String sourceStage,
        Verdict.Decision verdict, Long retryAfter, Instant evaluatedAt, long durationMs, String pipelineRun,
        List<RuleOutcome> results, List<String> warnings, AppliedOverride override) {

    public GateEvaluation {
        results = List.copyOf(results);
        warnings = List.copyOf(warnings);
    }
}
