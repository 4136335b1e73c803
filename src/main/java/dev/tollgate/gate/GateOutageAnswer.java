package dev.tollgate.gate;

import java.time.Duration;

import org.springframework.http.HttpMethod;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import dev.tollgate.api.DatabaseOutages;
import dev.tollgate.api.OutageAnswer;
import dev.tollgate.rules.Verdict;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the gate answers while the database is unavailable, or refuses writes: it cannot read the rules or
 * cannot record an evaluation, and a gate that cannot keep its record says STOP. The answer is a
 * 503 problem (a pipeline retries it like any outage, and {@code curl --fail} stops the step)
 * that carries the verdict STOP, the reason, and {@code recorded: false}: this answer is not in
 * the gate's history. It is never an unrecorded PROMOTE, whatever the rules would have said.
 */
@Component
class GateOutageAnswer implements OutageAnswer {

    static final String PATH = "/api/v1/gate-evaluations";

    private final GateMeters meters;

    GateOutageAnswer(GateMeters meters) {
        this.meters = meters;
    }

    @Override
    public boolean appliesTo(HttpServletRequest request) {
        return HttpMethod.POST.matches(request.getMethod())
                && PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    public ProblemDetail answer(String reason, Duration retryAfter) {
        meters.unrecorded();
        ProblemDetail problem = DatabaseOutages.problem("The gate answers STOP: " + reason
                + "; the evaluation cannot be recorded, so it is not; retry in " + retryAfter.toSeconds() + " s", retryAfter);
        problem.setProperty("verdict", Verdict.Decision.STOP.name());
        problem.setProperty("reason", reason);
        problem.setProperty("recorded", false);
        return problem;
    }
}
