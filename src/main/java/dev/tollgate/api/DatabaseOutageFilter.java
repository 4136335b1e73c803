package dev.tollgate.api;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 503 with {@code Retry-After} and a problem detail when the database is unavailable and
 * the failure escapes everything inside: the token lookup in the security filter chain runs
 * before any controller, so {@link ApiExceptionHandler} never sees it fail, and Tomcat would
 * answer 500. Ordered before the security filters for that reason.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final JsonMapper json;
    private final List<OutageAnswer> answers;

    DatabaseOutageFilter(JsonMapper json, List<OutageAnswer> answers) {
        this.json = json;
        this.answers = answers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseOutages.isOutage(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Answered 503 to {} {}: {}", request.getMethod(), request.getRequestURI(), DatabaseOutages.rootCause(e));
            response.reset();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutages.RETRY_AFTER.toSeconds()));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), DatabaseOutages.problemFor(request, answers));
        }
    }
}
