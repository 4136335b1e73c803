package dev.tollgate.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed attempts per key (a client address, or a username and an address): a key that
 * fails {@code maxFailures} times within {@code window} is locked out for {@code lockout}. Guessing
 * then costs the lockout for every {@code maxFailures} guesses, and each failure leaves a line in
 * the log for whoever watches it.
 *
 * <p>Memory is bounded: at most {@link #MAX_KEYS} keys are remembered, each cut to
 * {@link #MAX_KEY_LENGTH} characters; when more arrive, the key touched longest ago is forgotten.
 * Whoever can send from that many addresses is not stopped by counting per address anyway.
 */
final class FailureThrottle {

    static final int MAX_KEYS = 10_000;
    static final int MAX_KEY_LENGTH = 200;
    private static final Logger log = LoggerFactory.getLogger(FailureThrottle.class);

    private final String attempts;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> failures;

    /**
     * @param attempts what fails, for the log: "sign-ins", "requests with a bad token"
     */
    FailureThrottle(String attempts, int maxFailures, Duration window, Duration lockout, Clock clock) {
        this(attempts, maxFailures, window, lockout, clock, MAX_KEYS);
    }

    FailureThrottle(String attempts, int maxFailures, Duration window, Duration lockout, Clock clock, int maxKeys) {
        this.attempts = attempts;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
        this.clock = clock;
        // Access order: a key that keeps failing stays, while one left alone longest goes first.
        this.failures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** How much longer the key is locked out, if it is. */
    synchronized Optional<Duration> lockedOut(String key) {
        Failures found = failures.get(bounded(key));
        Instant now = clock.instant();
        if (found == null || found.lockedUntil() == null || !found.lockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, found.lockedUntil()));
    }

    /** Counts a failure of the key; answers whether it locked the key out. */
    synchronized boolean failed(String key) {
        String bounded = bounded(key);
        Instant now = clock.instant();
        Failures before = failures.get(bounded);
        boolean fresh = before == null || !before.windowStart().plus(window).isAfter(now)
                || before.lockedUntil() != null && !before.lockedUntil().isAfter(now);
        int count = fresh ? 1 : before.count() + 1;
        Instant windowStart = fresh ? now : before.windowStart();
        boolean lockedOut = count >= maxFailures;
        failures.put(bounded, new Failures(windowStart, count, lockedOut ? now.plus(lockout) : null));
        if (lockedOut) {
            log.warn("{}: {} failed {} within {}; locked out for {}", bounded, count, attempts, window, lockout);
        } else {
            log.warn("{}: {} failed {} within {}; locked out at {}", bounded, count, attempts, window, maxFailures);
        }
        return lockedOut;
    }

    /** Forgets the key's failures: whoever proves who they are starts afresh. */
    synchronized void succeeded(String key) {
        failures.remove(bounded(key));
    }

    /** Keys hold what a client sent (a username): cut to size, and without line breaks that could forge log lines. */
    private static String bounded(String key) {
        String cut = key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** @param lockedUntil null while the key is not locked out */
    private record Failures(Instant windowStart, int count, Instant lockedUntil) {
    }
}
