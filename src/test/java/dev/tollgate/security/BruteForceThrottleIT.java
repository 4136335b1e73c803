package dev.tollgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import ch.qos.logback.classic.Level;
import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.CapturedLogs;
import dev.tollgate.testing.HttpApiTest;
import dev.tollgate.testing.TestClock;

/**
 * Guessing is throttled and logged: bad API tokens per client address, failed sign-ins per
 * username and address. Each test is a client of its own, on its own address of 127.0.0.0/8.
 */
@HttpApiTest
class BruteForceThrottleIT {

    private static final String PASSWORD = "the-right-password-1";

    @LocalServerPort
    int port;

    @Autowired
    ThrottleProperties limits;

    @Autowired
    TestClock clock;

    @Autowired
    UserAccounts users;

    @Autowired
    CurrentCaller callers;

    @Test
    void bad_tokens_from_one_address_are_answered_429_with_retry_after_and_a_problem_once_the_limit_is_reached() {
        ApiClient client = new ApiClient(port).from("127.0.0.21");
        try (CapturedLogs logs = CapturedLogs.capture()) {
            // The limit, give or take one: the HTTP client may send a GET again when the server
            // closed its connection (Tomcat does after 100 requests), and the server counts both.
            assertThat(badTokensUntilRefused(client)).isBetween(limits.tokenFailures() - 1, limits.tokenFailures());

            ApiResponse refused = client.get("/api/v1/teams").token("tg_guess-once-more").send().expectProblem(429);

            assertThat(refused.json().path("title").asString()).isEqualTo("Too many requests");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive()
                    .isLessThanOrEqualTo(limits.lockout().toSeconds());
            assertThat(logs.lines(Level.WARN)).anySatisfy(line -> assertThat(line)
                    .contains("client 127.0.0.21", limits.tokenFailures() + " failed requests with a bad token", "locked out"));
            assertThat(logs.all()).doesNotContain("tg_guess");
        }
    }

    @Test
    void a_valid_token_gets_in_from_a_locked_out_address() {
        ApiClient client = new ApiClient(port).from("127.0.0.22");
        badTokensUntilRefused(client);

        client.get("/api/v1/teams").asAdmin().send().expectStatus(200);
        client.get("/api/v1/teams").token("tg_another-guess").send().expectProblem(429);
    }

    @Test
    void other_addresses_are_not_held_to_one_addresss_failures() {
        badTokensUntilRefused(new ApiClient(port).from("127.0.0.23"));

        new ApiClient(port).from("127.0.0.24").get("/api/v1/teams").token("tg_an-honest-typo").send().expectProblem(401);
    }

    @Test
    void a_locked_out_address_is_let_in_again_when_the_lockout_is_over() {
        ApiClient client = new ApiClient(port).from("127.0.0.25");
        badTokensUntilRefused(client);

        clock.advance(limits.lockout());

        client.get("/api/v1/teams").token("tg_a-new-guess").send().expectProblem(401);
    }

    @Test
    void the_api_document_says_that_every_operation_may_answer_429() {
        ApiResponse document = new ApiClient(port).get("/v3/api-docs").asAdmin().send().expectStatus(200);

        assertThat(document.json().path("paths").path("/api/v1/teams").path("get").path("responses").propertyNames())
                .contains("429");
    }

    @Test
    void a_user_who_fails_the_password_too_often_from_one_address_is_refused_there_even_with_the_right_one() {
        String user = newUser();
        BrowserSession browser = new BrowserSession(port, "127.0.0.31");
        try (CapturedLogs logs = CapturedLogs.capture()) {
            for (int i = 1; i <= limits.loginFailures(); i++) {
                assertThat(BrowserSession.signedIn(browser.signIn(user, "wrong-password-" + i))).isFalse();
            }

            HttpResponse<String> refused = browser.signIn(user, PASSWORD);

            assertThat(BrowserSession.signedIn(refused)).as("signed in despite the lockout").isFalse();
            assertThat(logs.lines(Level.WARN)).anySatisfy(line -> assertThat(line).contains(
                    "sign-in of '" + user + "' from 127.0.0.31", limits.loginFailures() + " failed sign-ins", "locked out"));
            assertThat(logs.all()).doesNotContain("wrong-password-", PASSWORD);
        }
    }

    @Test
    void a_locked_out_user_still_signs_in_from_another_address() {
        String user = newUser();
        lockOut(new BrowserSession(port, "127.0.0.32"), user);

        assertThat(BrowserSession.signedIn(new BrowserSession(port, "127.0.0.33").signIn(user, PASSWORD))).isTrue();
    }

    @Test
    void a_locked_out_user_signs_in_again_when_the_lockout_is_over() {
        String user = newUser();
        BrowserSession browser = new BrowserSession(port, "127.0.0.34");
        lockOut(browser, user);

        clock.advance(limits.lockout());

        assertThat(BrowserSession.signedIn(browser.signIn(user, PASSWORD))).isTrue();
    }

    @Test
    void signing_in_clears_the_failures_before_it() {
        String user = newUser();
        BrowserSession browser = new BrowserSession(port, "127.0.0.35");
        for (int i = 1; i < limits.loginFailures(); i++) {
            browser.signIn(user, "wrong-password-" + i);
        }
        assertThat(BrowserSession.signedIn(browser.signIn(user, PASSWORD))).isTrue();

        BrowserSession again = new BrowserSession(port, "127.0.0.35");
        for (int i = 1; i < limits.loginFailures(); i++) {
            again.signIn(user, "wrong-password-" + i);
        }
        assertThat(BrowserSession.signedIn(again.signIn(user, PASSWORD))).isTrue();
    }

    /** Sends bad tokens until the address is refused with 429; answers how many were answered 401 first. */
    private int badTokensUntilRefused(ApiClient client) {
        for (int unauthorized = 0; unauthorized <= limits.tokenFailures(); unauthorized++) {
            ApiResponse answer = client.get("/api/v1/teams").token("tg_guess-number-" + unauthorized).send();
            if (answer.status() == 429) {
                answer.expectProblem(429);
                return unauthorized;
            }
            answer.expectProblem(401);
        }
        throw new AssertionError("Still not refused after " + limits.tokenFailures() + " bad tokens");
    }

    private void lockOut(BrowserSession browser, String user) {
        for (int i = 1; i <= limits.loginFailures(); i++) {
            browser.signIn(user, "wrong-password-" + i);
        }
        assertThat(BrowserSession.signedIn(browser.signIn(user, PASSWORD))).as("locked out").isFalse();
    }

    private String newUser() {
        String user = ApiClient.unique("guessed");
        callers.runAsSystem(() -> users.create(user, "Gus Guessed", Role.VIEWER, Set.of(), PASSWORD));
        return user;
    }
}
