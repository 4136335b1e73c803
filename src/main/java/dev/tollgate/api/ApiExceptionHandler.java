package dev.tollgate.api;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;

/**
 * The one place where refusals become RFC 9457 problem details. Messages name what was wrong
 * in the caller's terms; no stack trace, SQL or class name ever reaches a response.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final List<OutageAnswer> outageAnswers;

    ApiExceptionHandler(List<OutageAnswer> outageAnswers) {
        this.outageAnswers = outageAnswers;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage(), e.violations());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null);
    }

    @ExceptionHandler(ApiFallbackController.UnknownPathException.class)
    ResponseEntity<Object> unknownPath(ApiFallbackController.UnknownPathException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null);
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Object> bodyTooLarge(BodyTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Content too large", BodyTooLargeException.MESSAGE, null);
    }

    @ExceptionHandler(BadGzipException.class)
    ResponseEntity<Object> badGzip(BadGzipException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", BadGzipException.MESSAGE, null);
    }

    @ExceptionHandler(ContentTooLargeException.class)
    ResponseEntity<Object> contentTooLarge(ContentTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Content too large", e.getMessage(), null);
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ResponseEntity<Object> unavailable(ServiceUnavailableException e, HttpServletRequest request) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        log.warn("Answered {}: {}", status.value(), e.getMessage(), e.getCause());
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            Optional<ProblemDetail> own = DatabaseOutages.answerOf(request, outageAnswers, e.getMessage(), e.retryAfter());
            if (own.isPresent()) {
                return DatabaseOutages.answer(own.get(), e.retryAfter());
            }
        }
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, status == HttpStatus.TOO_MANY_REQUESTS ? "Too many requests" : "Service unavailable",
                        e.getMessage(), null));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), null);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        // Two writers raced, or a reference vanished between validation and commit.
        log.info("Refused a write that conflicts with stored data: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "Conflict", "The request conflicts with data stored meanwhile; retry it", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return bodyTooLarge(tooLarge);
            }
            if (cause instanceof BadGzipException badGzip) {
                return badGzip(badGzip);
            }
        }
        if (DatabaseOutages.isOutage(e)) {
            // An outage is no bug: the caller may retry, and the log needs no stack trace per request.
            log.warn("Answered 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
                    DatabaseOutages.rootCause(e));
            return DatabaseOutages.answer(DatabaseOutages.problemFor(request, outageAnswers), DatabaseOutages.RETRY_AFTER);
        }
        log.error("Unexpected failure while answering an API request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Tollgate failed to answer this request; the failure is logged", null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, "Content too large", BodyTooLargeException.MESSAGE, null);
            }
            if (cause instanceof BadGzipException) {
                return problem(HttpStatus.BAD_REQUEST, "Invalid input", BadGzipException.MESSAGE, null);
            }
        }
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JacksonException jackson) {
            Violation violation = JsonFaults.describe(jackson);
            return problem(HttpStatus.BAD_REQUEST, "Invalid input", "The request body could not be read: "
                    + violation.pointer() + " " + violation.message(), List.of(violation));
        }
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "The request body is missing or could not be read",
                List.of(Violation.at("/", "is missing or could not be read")));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid input", "Parameter '" + mismatch.getName() + "' has the wrong format",
                    List.of(Violation.at(mismatch.getName(), "has the wrong format")));
        }
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail detail) {
            detail.setType(Problems.typeOf(HttpStatus.valueOf(status.value())));
        }
        return answer;
    }

    static ResponseEntity<Object> problem(HttpStatus status, String title, String detail, List<Violation> violations) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, title, detail, violations));
    }
}
