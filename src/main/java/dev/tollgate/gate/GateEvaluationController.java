package dev.tollgate.gate;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tollgate.rules.Verdict;

@RestController
@RequestMapping("/api/v1/gate-evaluations")
class GateEvaluationController {

    private final GateEvaluations gate;

    GateEvaluationController(GateEvaluations gate) {
        this.gate = gate;
    }

    /**
     * 201 with the evaluation; under {@code enforce=true} anything but PROMOTE answers 409 with the
     * same body (and WAIT with {@code Retry-After}), so that {@code curl --fail} stops the step.
     */
    @PostMapping
    ResponseEntity<GateEvaluation> evaluate(@RequestBody GateQuestion question,
            @RequestParam(defaultValue = "false") boolean enforce) {
        GateEvaluation evaluation = gate.evaluate(question);
        boolean refused = enforce && evaluation.verdict() != Verdict.Decision.PROMOTE;
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(refused ? HttpStatus.CONFLICT : HttpStatus.CREATED)
                .location(URI.create("/api/v1/gate-evaluations/" + evaluation.id()));
        if (evaluation.retryAfter() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(evaluation.retryAfter()));
        }
        return answer.body(evaluation);
    }

    @GetMapping
    List<GateEvaluation> list(@RequestParam(required = false) String service, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String verdict, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer limit) {
        return gate.list(service, stage, verdict, from, to, limit);
    }

    @GetMapping("/{id}")
    GateEvaluation get(@PathVariable String id) {
        return gate.get(id);
    }
}
