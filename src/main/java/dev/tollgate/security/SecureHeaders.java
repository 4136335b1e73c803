package dev.tollgate.security;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers that tell a browser what a response may do, on every response: written before the
 * request is served, and before Spring Security, so that refusals (the firewall's 400, a 401, an
 * error page) carry them too. Spring Security's own header writers leave a header that is set alone.
 */
final class SecureHeaders extends OncePerRequestFilter {

    /**
     * Vaadin's page holds inline scripts (its bootstrap and CSRF handling) and runs the scripts the
     * server sends with {@code new Function}, and its components set inline styles: it cannot work
     * without {@code 'unsafe-inline'} and {@code 'unsafe-eval'}. Everything else comes from Tollgate
     * itself, and nothing may frame it, which is what keeps clickjacking out.
     */
    static final String UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** The API answers data, never a page: nothing in it may run, load or be framed. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final RequestMatcher api;

    SecureHeaders(RequestMatcher api) {
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", api.matches(request) ? API_POLICY : UI_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(request, response);
    }
}
