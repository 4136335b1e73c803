package dev.tollgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.tollgate.testing.MovableClock;

class FailureThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Duration LOCKOUT = Duration.ofMinutes(10);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final FailureThrottle throttle = new FailureThrottle("tries", 3, WINDOW, LOCKOUT, clock);

    @Test
    void locks_a_key_out_at_the_last_allowed_failure_within_the_window() {
        assertThat(throttle.failed("client a")).isFalse();
        assertThat(throttle.failed("client a")).isFalse();
        assertThat(throttle.lockedOut("client a")).isEmpty();

        assertThat(throttle.failed("client a")).isTrue();

        assertThat(throttle.lockedOut("client a")).contains(LOCKOUT);
    }

    @Test
    void says_how_much_of_the_lockout_is_left_and_lets_the_key_in_when_it_is_over() {
        failTimes("client a", 3);

        clock.advance(Duration.ofMinutes(4));
        assertThat(throttle.lockedOut("client a")).contains(Duration.ofMinutes(6));

        clock.advance(Duration.ofMinutes(6));
        assertThat(throttle.lockedOut("client a")).isEmpty();
    }

    @Test
    void counts_afresh_after_a_lockout() {
        failTimes("client a", 3);
        clock.advance(LOCKOUT);

        assertThat(throttle.failed("client a")).isFalse();
        assertThat(throttle.failed("client a")).isFalse();
        assertThat(throttle.lockedOut("client a")).isEmpty();
    }

    @Test
    void forgets_failures_older_than_the_window() {
        failTimes("client a", 2);
        clock.advance(WINDOW);

        assertThat(throttle.failed("client a")).isFalse();
        assertThat(throttle.lockedOut("client a")).isEmpty();
    }

    @Test
    void counts_each_key_on_its_own() {
        failTimes("client a", 3);

        assertThat(throttle.lockedOut("client b")).isEmpty();
        assertThat(throttle.failed("client b")).isFalse();
    }

    @Test
    void a_success_clears_the_keys_failures() {
        failTimes("client a", 2);
        throttle.succeeded("client a");

        assertThat(throttle.failed("client a")).isFalse();
        assertThat(throttle.failed("client a")).isFalse();
    }

    @Test
    void remembers_at_most_its_bound_of_keys_forgetting_the_one_left_alone_longest() {
        FailureThrottle small = new FailureThrottle("tries", 2, WINDOW, LOCKOUT, clock, 2);
        small.failed("client a");
        small.failed("client b");
        small.failed("client a");
        small.failed("client c");

        assertThat(small.lockedOut("client a")).isPresent();
        // b was forgotten to make room for c: its next failure is its first.
        assertThat(small.failed("client b")).isFalse();
    }

    @Test
    void cuts_long_keys_and_takes_control_characters_out_of_them() {
        String name = "x".repeat(FailureThrottle.MAX_KEY_LENGTH);
        failTimes(name + "\nforged log line", 3);

        assertThat(throttle.lockedOut(name + "\rsomething else")).isPresent();
    }

    private void failTimes(String key, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(key);
        }
    }
}
