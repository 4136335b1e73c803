package dev.tollgate.gate;

import java.io.IOException;
import java.util.List;

import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.RequestBodies;
import dev.tollgate.api.Violation;
import dev.tollgate.rules.Verdict;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/gate-evaluations")
class GateEvaluationController {

    private final GateEvaluations gate;
    private final JsonMapper json;

    GateEvaluationController(GateEvaluations gate, JsonMapper json) {
        this.gate = gate;
        this.json = json;
    }

    /**
     * 201 with the evaluation; under {@code enforce=true} anything but PROMOTE answers 409 with the
     * same body (and WAIT with {@code Retry-After}), so that {@code curl --fail} stops the step.
     *
     * <p>Pipelines ask this many times a second, so it reads and writes its JSON itself, with the
     * API's own mapper: Spring MVC's argument resolvers and message converters took more CPU than
     * Jackson did (README, the gate's fifth round). Faults are refused as Spring would refuse them.
     */
    @Operation(summary = "Asks whether a version may be promoted into a stage",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = GateQuestion.class))),
            parameters = @Parameter(name = "enforce", in = ParameterIn.QUERY, description = "Answer 409 to any verdict"
                    + " but PROMOTE", schema = @Schema(type = "boolean", defaultValue = "false")),
            responses = {
                @ApiResponse(responseCode = "201", description = "The evaluation, stored", content = @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = GateEvaluation.class))),
                @ApiResponse(responseCode = "409", description = "Under enforce=true, a verdict other than PROMOTE: the "
                        + "evaluation, stored", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                schema = @Schema(implementation = GateEvaluation.class))) })
    @PostMapping(consumes = { MediaType.APPLICATION_JSON_VALUE, "application/*+json" }, produces = MediaType.APPLICATION_JSON_VALUE)
    void evaluate(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean enforce = enforce(request.getParameter("enforce"));
        GateEvaluation evaluation = gate.evaluate(question(request));
        boolean refused = enforce && evaluation.verdict() != Verdict.Decision.PROMOTE;
        response.setStatus(refused ? HttpStatus.CONFLICT.value() : HttpStatus.CREATED.value());
        response.setHeader(HttpHeaders.LOCATION, "/api/v1/gate-evaluations/" + evaluation.id());
        if (evaluation.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(evaluation.retryAfter()));
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        // Straight into the response's buffer, not into an array first (4% of what an evaluation
        // allocated). The mapper closes the stream without flushing it, so an answer that fits
        // Tomcat's 8 KiB buffer still goes out with its Content-Length; a longer one goes out
        // chunked, which HTTP/1.1 clients read alike.
        json.writeValue(response.getOutputStream(), evaluation);
    }

    /** The body as {@code @RequestBody} would read it: a missing or unreadable one is refused the same way. */
    private GateQuestion question(HttpServletRequest request) {
        GateQuestion question;
        try {
            byte[] bytes = RequestBodies.read(request);
            question = bytes.length == 0 ? null : json.readValue(bytes, GateQuestion.class);
        } catch (JacksonException | IOException e) {
            // The body limit's 413 and a bad gzip body arrive as causes, as through a converter.
            throw new HttpMessageNotReadableException("The question could not be read", e,
                    new ServletServerHttpRequest(request));
        }
        if (question == null) {
            throw new HttpMessageNotReadableException("The question is missing", new ServletServerHttpRequest(request));
        }
        return question;
    }

    /** {@code enforce} converted as Spring converts a boolean parameter: absent or empty is false. */
    private static boolean enforce(String value) {
        try {
            return Boolean.TRUE.equals(DefaultConversionService.getSharedInstance().convert(value, Boolean.class));
        } catch (ConversionException e) {
            throw new InvalidInputException("Parameter 'enforce' has the wrong format",
                    List.of(Violation.at("enforce", "has the wrong format")));
        }
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
