package dev.tollgate.security;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * InfluxDB 1.x clients may send the token as the query parameter {@code p}, and whatever logs a
 * request's URL (Spring Security at DEBUG, for one) would log it. Behind this filter the query
 * string reads {@code p=…}; the parameter itself is still there for {@link TokenAuthenticationFilter}.
 */
final class TokenQueryRedaction extends OncePerRequestFilter {

    private static final Pattern PASSWORD = Pattern.compile("(^|&)p=[^&]*");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query == null || !PASSWORD.matcher(query).find()) {
            chain.doFilter(request, response);
            return;
        }
        String redacted = PASSWORD.matcher(query).replaceAll("$1p=…");
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getQueryString() {
                return redacted;
            }
        }, response);
    }
}
