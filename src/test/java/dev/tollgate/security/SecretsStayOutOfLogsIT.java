package dev.tollgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.tollgate.gate.TeamWebhook;
import dev.tollgate.gate.WebhookFormat;
import dev.tollgate.gate.WebhookRequest;
import dev.tollgate.rules.Verdict;
import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.CapturedLogs;
import dev.tollgate.testing.HttpApiTest;

/**
 * No password, token or key in the log or the audit log, whatever happens to it: issued, used,
 * guessed, set, changed, failed at, or sent along with a webhook that cannot be reached. Tollgate's
 * own loggers and Spring Security's are turned up to DEBUG meanwhile, as someone chasing a problem
 * would. And the records that carry secrets keep them out of their {@code toString}.
 */
@HttpApiTest
class SecretsStayOutOfLogsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    CurrentCaller callers;

    @Autowired
    ApplicationContext context;

    @Test
    void no_secret_reaches_the_log_or_the_audit_log() throws Exception {
        ApiClient api = new ApiClient(port);
        String team = api.createTeam(ApiClient.unique("secretive"));
        String service = api.createService(ApiClient.unique("vault"), team, "beta", "prod");
        long auditBefore = api.newestAuditId();
        String user = ApiClient.unique("keeper");
        String firstPassword = "first-password-" + user;
        String secondPassword = "second-password-" + user;
        String wrongPassword = "wrong-password-" + user;
        String guessedToken = "tg_guessed-token-" + user;
        String webhookPath = "/services/T0/B0/slack-credential-" + user;
        String webhookSecret = "webhook-signing-secret-" + user;
        String token;

        try (CapturedLogs logs = CapturedLogs.capture("dev.tollgate", "org.springframework.security")) {
            token = api.issueToken(null, "admin").json().path("token").asString();
            api.get("/api/v1/teams").token(token).send().expectStatus(200);
            api.get("/api/v1/teams").token(guessedToken).send().expectProblem(401);
            api.post("/write?db=tollgate&p=" + guessedToken).body("text/plain", "errors value=1").send().expectProblem(401);
            api.get("/api/v1/teams").header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(("telegraf:" + guessedToken).getBytes(StandardCharsets.UTF_8)))
                    .send()
                    .expectProblem(401);

            callers.runAsSystem(() -> users.create(user, "Kim Keeper", Role.VIEWER, Set.of(), firstPassword));
            callers.runAsSystem(() -> users.changePassword(user, secondPassword));
            BrowserSession browser = new BrowserSession(port);
            assertThat(BrowserSession.signedIn(browser.signIn(user, wrongPassword))).isFalse();
            assertThat(BrowserSession.signedIn(browser.signIn(user, secondPassword))).isTrue();

            api.put("/api/v1/teams/" + team + "/webhook").token(token).json("{\"url\": \"http://127.0.0.1:" + closedPort()
                    + webhookPath + "\", \"format\": \"SLACK\", \"secret\": \"" + webhookSecret + "\"}").send()
                    .expectStatus(201);
            api.put("/api/v1/rules/" + service + "-tests").token(token).json("""
                    {"name": "Tests passed", "scope": {"service": "%s"}, "stages": ["prod"], "kind": "TESTS_PASSED", "params": {}}"""
                    .formatted(service)).send().expectStatus(201);
            assertThat(api.post("/api/v1/gate-evaluations").token(token)
                    .json("{\"service\": \"" + service + "\", \"version\": \"1.0.0\", \"stage\": \"prod\"}")
                    .send().expectStatus(201).json().path("verdict").asString()).isEqualTo("STOP");
            awaitLine(logs, "Gave up notifying team " + team);
            List<String> secrets = List.of(token, guessedToken, firstPassword, secondPassword, wrongPassword,
                    webhookPath, webhookSecret, ApiClient.BOOTSTRAP_TOKEN, "test-admin-password");
            String logged = logs.all();
            String audited = api.auditAfter(auditBefore).toString();
            for (String secret : secrets) {
                assertThat(logged).as("the log").doesNotContain(secret);
                assertThat(audited).as("the audit log").doesNotContain(secret);
            }
            // The log and the audit log did see what happened, just not the secrets.
            assertThat(logged).contains("sign-in of '" + user + "'", "failed requests with a bad token");
            assertThat(audited).contains("TOKEN_CREATED", "USER_CREATED", "USER_PASSWORD_CHANGED", "WEBHOOK_SET");
        }
    }

    @Test
    void records_that_hold_secrets_keep_them_out_of_their_text() {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        String url = "https://hooks.slack.com/services/T0/B0/the-url-is-a-credential";

        Map<Object, List<String>> holders = Map.of(
                new IssuedToken("id-1", "tg_the-secret-itself", "ci", Set.of(Scope.GATE), null, now, null),
                List.of("tg_the-secret-itself"),
                new WebhookRequest(url, "SLACK", null, "the-signing-secret"), List.of("the-url-is", "the-signing-secret"),
                new TeamWebhook("payments", url, WebhookFormat.SLACK, List.of(Verdict.Decision.STOP), true, now, "admin"),
                List.of("the-url-is"),
                new SecurityProperties("a-bootstrap-token-of-32-characters!", "an-admin-password"),
                List.of("a-bootstrap-token", "an-admin-password"));

        holders.forEach((holder, secrets) -> assertThat(holder.toString()).doesNotContain(secrets));
        assertThat(new IssuedToken("id-1", "tg_x", "ci", Set.of(Scope.GATE), null, now, null).toString())
                .contains("id-1", "ci");
    }

    @Test
    void no_configuration_properties_print_the_configured_secrets() {
        Map<String, Object> properties = context.getBeansWithAnnotation(ConfigurationProperties.class);

        assertThat(properties).isNotEmpty();
        properties.forEach((name, bean) -> assertThat(bean.toString()).as(name)
                .doesNotContain(ApiClient.BOOTSTRAP_TOKEN, "test-admin-password"));
    }

    /** A port nothing listens on: a webhook sent there fails, and is retried and given up, as a dead receiver is. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitLine(CapturedLogs logs, String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (logs.lines().stream().noneMatch(line -> line.contains(text))) {
            assertThat(Instant.now()).as("waiting for a log line with '%s'", text).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
