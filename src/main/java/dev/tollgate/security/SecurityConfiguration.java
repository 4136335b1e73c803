package dev.tollgate.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.time.Clock;
import java.util.Arrays;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * Two doors. The API (and the InfluxDB-compatible paths, Actuator and the OpenAPI document) takes
 * tokens only, keeps no session and needs no CSRF token, since browsers never send bearer tokens
 * on their own. The UI takes a form login with a session, CSRF protection and Vaadin's view
 * access control.
 */
@Configuration
class SecurityConfiguration {

    /** The API door's paths; everything else is the UI's. */
    static final String[] API_PATHS = { "/api/**", "/v3/api-docs", "/v3/api-docs/**", "/actuator/**", "/write",
            "/query", "/ping" };
    /** Where the login form posts: must match {@code LoginView}'s action. */
    static final String SIGN_IN = "/sign-in";

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating: bcrypt today, and hashes name their algorithm so a stronger one can follow.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, ProblemResponses problems, CurrentCaller callers,
            ThrottleProperties throttle, Clock clock) throws Exception {
        http.securityMatcher(API_PATHS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .addFilterBefore(new TokenAuthenticationFilter(tokens, problems, callers, throttle.tokens(clock)),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .authorizeHttpRequests(ApiAccessRules::apply);
        return http.build();
    }

    /**
     * No observation of Spring Security's filters, authentications and authorisations: wrapping each
     * filter of every request in an observation cost the gate several percent of its CPU, for meters
     * nobody reads. Requests are still timed whole ({@code http_server_requests_seconds}), and
     * refused tokens and sign-ins are still logged and throttled.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Paths the firewall refuses (';', an encoded '%', '.' or '/', '//') answer a 400 problem.
     * By default they were sent to the error page, which the UI door answered with a redirect to
     * its login page: an API client got a 302 and HTML for a malformed path.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, e) -> problems.write(response, HttpStatus.BAD_REQUEST, "Invalid input",
                "The request path holds characters or sequences Tollgate refuses, such as ';', '//' or an encoded '%', '.' or '/'");
    }

    /**
     * Vaadin's configurer keeps Spring Security's CSRF protection for everything but Vaadin's own
     * requests, which carry Vaadin's CSRF token instead, and Spring Security's session fixation
     * protection: a sign-in changes the session id. It exempts its login view's path from CSRF
     * protection too, so the login form posts elsewhere ({@code LoginView}), with the page's CSRF
     * token: no other site can sign a browser in to an account of its choosing.
     */
    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http, ThrottledLogins logins) throws Exception {
        // Vaadin's configurer first: configured before it names the login view, the form login
        // would put Spring Security's generated login page in place of Tollgate's.
        return http.authenticationManager(logins)
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("/login"))
                .formLogin(form -> form.loginProcessingUrl(SIGN_IN))
                .build();
    }

    /** First of all filters, so that whatever answers a request, the answer carries the headers. */
    @Bean
    FilterRegistrationBean<SecureHeaders> secureHeaders() {
        RequestMatcher api = new OrRequestMatcher(Arrays.stream(API_PATHS)
                .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path)).toList());
        FilterRegistrationBean<SecureHeaders> registration = new FilterRegistrationBean<>(new SecureHeaders(api));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Before Spring Security, whose request logging would show the InfluxDB clients' token parameter. */
    @Bean
    FilterRegistrationBean<TokenQueryRedaction> tokenQueryRedaction() {
        FilterRegistrationBean<TokenQueryRedaction> registration = new FilterRegistrationBean<>(new TokenQueryRedaction());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * The scope each endpoint needs (API.md). Services check scopes and teams again, so the UI is
     * held to the same rules; this table is the first line and the one place to read them all.
     */
    static final class ApiAccessRules {

        private ApiAccessRules() {
        }

        static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
            String read = Scope.READ.authority();
            String admin = Scope.ADMIN.authority();
            String ingest = Scope.INGEST.authority();
            String gate = Scope.GATE.authority();
            String override = Scope.OVERRIDE.authority();
            String review = Scope.REVIEW.authority();
            rules
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/ping").permitAll()
                    .requestMatchers("/actuator/**", "/v3/api-docs", "/v3/api-docs/**").hasAuthority(read)
                    .requestMatchers("/api/v1/tokens", "/api/v1/tokens/**", "/api/v1/audit").hasAuthority(admin)
                    // Ingestion.
                    .requestMatchers("/write", "/query", "/api/v2/write").hasAuthority(ingest)
                    .requestMatchers(POST, "/api/v1/write", "/api/v1/metrics", "/api/v1/deployments",
                            "/api/v1/test-runs", "/api/v1/cdevents").hasAuthority(ingest)
                    .requestMatchers(PUT, "/api/v1/teams/*/goals/*").hasAuthority(ingest)
                    // The gate and overrides.
                    .requestMatchers(POST, "/api/v1/gate-evaluations").hasAuthority(gate)
                    .requestMatchers(POST, "/api/v1/overrides").hasAuthority(override)
                    .requestMatchers(DELETE, "/api/v1/overrides/*").hasAuthority(override)
                    .requestMatchers(POST, "/api/v1/rules/backtest").hasAuthority(read)
                    // The operational review.
                    .requestMatchers(POST, "/api/v1/reviews", "/api/v1/action-items", "/api/v1/action-items/*/done")
                    .hasAuthority(review)
                    // Everything else: reading needs 'read', changing needs 'admin'.
                    .requestMatchers(GET, "/api/**").hasAuthority(read)
                    .requestMatchers(PUT, "/api/**").hasAuthority(admin)
                    .requestMatchers(DELETE, "/api/**").hasAuthority(admin)
                    .requestMatchers(POST, "/api/**").hasAuthority(admin)
                    .anyRequest().authenticated();
        }
    }
}
