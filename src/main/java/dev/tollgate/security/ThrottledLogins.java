package dev.tollgate.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The UI's sign-in: the password check, behind a {@link FailureThrottle} per username and client
 * address. A locked-out pair is refused before its password is even checked, so that guessing
 * on gains nothing; the same user from another address still gets in, so that a guesser cannot
 * lock a colleague out from afar.
 */
@Component
class ThrottledLogins implements AuthenticationManager {

    private final AuthenticationManager passwords;
    private final FailureThrottle throttle;

    ThrottledLogins(UserLogins users, PasswordEncoder encoder, ThrottleProperties properties, Clock clock) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        // A ProviderManager erases the password from the authentication once it is checked.
        this.passwords = new ProviderManager(provider);
        this.throttle = properties.logins(clock);
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String key = key(attempt);
        Optional<Duration> locked = throttle.lockedOut(key);
        if (locked.isPresent()) {
            throw new LockedException("Too many failed sign-ins; try again in " + locked.get().toSeconds() + " s");
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            throttle.succeeded(key);
            return signedIn;
        } catch (BadCredentialsException e) {
            // Only a wrong username or password counts: a database that is down is nobody's guess.
            throttle.failed(key);
            throw e;
        }
    }

    private static String key(Authentication attempt) {
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
                : "an unknown address";
        return "sign-in of '" + attempt.getName() + "' from " + address;
    }
}
