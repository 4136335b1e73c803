package dev.tollgate.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates API requests by token. Besides {@code Authorization: Bearer <token>} it takes the
 * styles InfluxDB clients use, so that Telegraf and friends can write unchanged:
 * {@code Token <token>}, basic auth whose password is the token, and the {@code p} parameter of
 * the InfluxDB 1.x endpoints. A token that is presented but not valid is refused at once.
 *
 * <p>Bad tokens are counted per client address: too many, and the address is answered 429 for a
 * while. Only bad tokens are refused so: a valid token always gets in, as pipelines behind one
 * address (a NAT, a CI cluster) must not be stopped by a neighbour's mistakes. Tokens are 256
 * random bits, beyond guessing; the throttle keeps probing slow, cheap and visible in the log.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ProblemResponses problems;
    private final CurrentCaller callers;
    private final FailureThrottle throttle;

    TokenAuthenticationFilter(ApiTokens tokens, ProblemResponses problems, CurrentCaller callers,
            FailureThrottle throttle) {
        this.tokens = tokens;
        this.problems = problems;
        this.callers = callers;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> secret = presentedSecret(request);
        if (secret.isPresent()) {
            Optional<Caller> caller = tokens.authenticate(secret.get());
            if (caller.isEmpty()) {
                refuse(request, response);
                return;
            }
            callers.signIn(caller.get());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            callers.signOut();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = "client " + request.getRemoteAddr();
        Optional<Duration> locked = throttle.lockedOut(key);
        if (locked.isPresent()) {
            problems.tooManyRequests(response, locked.get(), "Too many requests with unknown, expired or revoked "
                    + "tokens came from this address; try again later with a valid token");
            return;
        }
        throttle.failed(key);
        problems.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", "The token is unknown, expired or revoked");
    }

    static Optional<String> presentedSecret(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            int space = header.indexOf(' ');
            String kind = space < 0 ? header : header.substring(0, space);
            String value = space < 0 ? "" : header.substring(space + 1).trim();
            if (kind.equalsIgnoreCase("Bearer") || kind.equalsIgnoreCase("Token")) {
                return Optional.of(value);
            }
            if (kind.equalsIgnoreCase("Basic")) {
                return Optional.of(basicPassword(value));
            }
            // An unknown scheme is a credential we cannot accept: refuse rather than ignore it.
            return Optional.of("");
        }
        if (isInfluxV1Path(request)) {
            return Optional.ofNullable(request.getParameter("p"));
        }
        return Optional.empty();
    }

    private static String basicPassword(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? "" : decoded.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static boolean isInfluxV1Path(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/write") || path.equals("/query");
    }
}
