package dev.tollgate.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tollgate.security.throttle.*}: how many failures lock a client out, and for how long.
 *
 * @param loginFailures failed sign-ins of one username from one address that lock it out
 * @param tokenFailures requests with an unknown, expired or revoked token from one address that lock it out
 * @param window        the time within which failures are counted together
 * @param lockout       how long a locked-out client is refused
 */
@ConfigurationProperties("tollgate.security.throttle")
record ThrottleProperties(@DefaultValue("10") int loginFailures, @DefaultValue("10") int tokenFailures,
        @DefaultValue("5m") Duration window, @DefaultValue("5m") Duration lockout) {

    ThrottleProperties {
        if (loginFailures < 1 || tokenFailures < 1) {
            throw new IllegalArgumentException("tollgate.security.throttle.login-failures and token-failures must be at least 1");
        }
        if (!window.isPositive() || !lockout.isPositive()) {
            throw new IllegalArgumentException("tollgate.security.throttle.window and lockout must be positive");
        }
    }

    FailureThrottle logins(Clock clock) {
        return new FailureThrottle("sign-ins", loginFailures, window, lockout, clock);
    }

    FailureThrottle tokens(Clock clock) {
        return new FailureThrottle("requests with a bad token", tokenFailures, window, lockout, clock);
    }
}
