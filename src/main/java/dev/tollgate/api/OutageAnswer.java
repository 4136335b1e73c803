package dev.tollgate.api;

import java.time.Duration;

import org.springframework.http.ProblemDetail;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What an endpoint answers, instead of the plain 503 problem, when the database is unavailable or
 * refuses writes (its data folder full): the gate, for one, must say STOP rather than merely
 * "unavailable". A bean of this type is
 * consulted both where the failure escapes a controller and where it escapes a filter (the
 * token lookup), so that the endpoint answers the same either way.
 */
public interface OutageAnswer {

    boolean appliesTo(HttpServletRequest request);

    /**
     * The 503 problem detail to answer, {@code reason} being why Tollgate cannot serve now (such as
     * {@link DatabaseOutages#REASON}); called once per request answered, so it may count them.
     */
    ProblemDetail answer(String reason, Duration retryAfter);
}
