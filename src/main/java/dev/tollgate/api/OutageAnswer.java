package dev.tollgate.api;

import org.springframework.http.ProblemDetail;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What an endpoint answers, instead of the plain 503 problem, when the database is unavailable:
 * the gate, for one, must say STOP rather than merely "unavailable". A bean of this type is
 * consulted both where the failure escapes a controller and where it escapes a filter (the
 * token lookup), so that the endpoint answers the same either way.
 */
public interface OutageAnswer {

    boolean appliesTo(HttpServletRequest request);

    /** The 503 problem detail to answer; called once per request answered, so it may count them. */
    ProblemDetail answer();
}
