package dev.tollgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.HttpApiTest;

/**
 * What keeps a browser safe on Tollgate's pages and answers: the secure headers on every response,
 * refusals included; CSRF protection of the login form and of Vaadin's own requests; a new
 * session id at sign-in. The browser journeys check that the UI's policy breaks nothing.
 */
@HttpApiTest
class SecureHeadersIT {

    private static final String PASSWORD = "a-fine-password-1";
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    CurrentCaller callers;

    @Test
    void every_api_answer_carries_the_strict_policy_refusals_included() {
        ApiClient api = new ApiClient(port);
        ApiResponse[] answers = {
                api.get("/api/v1/teams").asAdmin().send().expectStatus(200),
                api.get("/api/v1/teams").send().expectProblem(401),
                api.get("/api/v1/teams").token("tg_not-a-token").send().expectProblem(401),
                api.get("/api/v1/teams/" + ApiClient.unique("missing")).asAdmin().send().expectProblem(404),
                api.post("/api/v1/teams").json("{}").send().expectProblem(401),
                // Refused by the firewall, before any security chain runs.
                api.get("/api/v1/teams;jsessionid=1").asAdmin().send().expectProblem(400),
                api.get("/ping").send(),
                api.get("/actuator/health").send().expectStatus(200) };

        for (ApiResponse answer : answers) {
            assertSecureHeaders(answer.path(), answer.headers(), SecureHeaders.API_POLICY);
        }
    }

    @Test
    void every_ui_answer_carries_the_policy_vaadin_works_with() {
        BrowserSession browser = new BrowserSession(port);

        HttpResponse<String> login = browser.get("/login");
        HttpResponse<String> redirected = browser.get("/teams");
        HttpResponse<String> unknown = browser.get("/no-such-page");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(redirected.statusCode()).isEqualTo(302);
        for (HttpResponse<String> answer : List.of(login, redirected, unknown)) {
            assertSecureHeaders(answer.uri().getPath(), answer.headers(), SecureHeaders.UI_POLICY);
        }
        assertThat(SecureHeaders.UI_POLICY).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
    }

    @Test
    void the_login_form_is_refused_without_its_csrf_token() {
        String user = newUser();
        BrowserSession browser = new BrowserSession(port);
        browser.csrfToken();

        HttpResponse<String> without = browser.postLogin(user, PASSWORD, null);
        HttpResponse<String> forged = browser.postLogin(user, PASSWORD, "forged-token");

        // The right password, refused for the missing or forged token alone.
        assertThat(BrowserSession.signedIn(without)).as("signed in without a CSRF token").isFalse();
        assertThat(BrowserSession.signedIn(forged)).as("signed in with a forged CSRF token").isFalse();
        // The login view's own path, which Vaadin exempts from CSRF protection, signs nobody in.
        assertThat(BrowserSession.signedIn(browser.postLogin("/login", user, PASSWORD, null))).isFalse();
        assertThat(BrowserSession.signedIn(browser.signIn(user, PASSWORD))).isTrue();
    }

    @Test
    void signing_in_changes_the_session_id_so_a_planted_one_is_worth_nothing() {
        String user = newUser();
        BrowserSession victim = new BrowserSession(port);
        String csrf = victim.csrfToken();
        String planted = victim.sessionId().orElseThrow();

        assertThat(BrowserSession.signedIn(victim.postLogin(user, PASSWORD, csrf))).isTrue();
        String signedIn = victim.sessionId().orElseThrow();

        assertThat(signedIn).isNotEqualTo(planted);
        assertThat(victim.get("/").statusCode()).isEqualTo(200);
        BrowserSession attacker = new BrowserSession(port);
        attacker.useSessionId(planted);
        assertThat(attacker.get("/").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void vaadins_own_requests_are_refused_without_vaadins_csrf_token() {
        String user = newUser();
        BrowserSession browser = new BrowserSession(port);
        assertThat(BrowserSession.signedIn(browser.signIn(user, PASSWORD))).isTrue();
        String init = browser.get("/?v-r=init&location=teams&query=").body();
        String key = find(SECURITY_KEY, init);
        String uiId = find(UI_ID, init);
        String uidl = "/?v-r=uidl&v-uiId=" + uiId;

        HttpResponse<String> forged = browser.postJson(uidl, "{\"csrfToken\": \"forged\", \"rpc\": [], \"syncId\": 0, \"clientId\": 0}");
        HttpResponse<String> genuine = browser.postJson(uidl, "{\"csrfToken\": \"" + key + "\", \"rpc\": [], \"syncId\": 0, \"clientId\": 0}");

        assertThat(forged.body()).contains("appError").contains("\"syncId\":-1");
        assertThat(genuine.body()).doesNotContain("appError").contains("\"syncId\":1");
    }

    private static void assertSecureHeaders(String what, HttpHeaders headers, String policy) {
        assertThat(headers.allValues("Content-Security-Policy")).as("CSP of %s", what).containsExactly(policy);
        assertThat(headers.allValues("X-Frame-Options")).as("frame options of %s", what).containsExactly("DENY");
        assertThat(headers.allValues("X-Content-Type-Options")).as("content type options of %s", what)
                .containsExactly("nosniff");
        assertThat(headers.allValues("Referrer-Policy")).as("referrer policy of %s", what).containsExactly("same-origin");
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
        return matcher.group(1);
    }

    private String newUser() {
        String user = ApiClient.unique("headers");
        callers.runAsSystem(() -> users.create(user, "Hedda Headers", Role.VIEWER, Set.of(), PASSWORD));
        return user;
    }
}
