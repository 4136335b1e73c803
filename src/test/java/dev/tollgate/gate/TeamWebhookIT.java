package dev.tollgate.gate;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.gate.WebhookReceiver.Received;
import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.HttpApiTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 4's notifications: a team's webhook hears of the gate's STOP and ROLLBACK, retried while
 * the receiver fails, and the pipeline asking the gate never waits for it. Test settings retry
 * after 20, 40 and 60 ms.
 */
@HttpApiTest
class TeamWebhookIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** Longer than every retry delay of the test settings together: what has not come by then will not. */
    private static final Duration QUIET = Duration.ofMillis(500);

    @LocalServerPort
    int port;

    private ApiClient api;
    private String team;
    private String gateToken;
    private WebhookReceiver receiver;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        team = api.createTeam(unique("shop"));
        gateToken = api.createToken(team, "gate");
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private ApiResponse putWebhook(String body) {
        return api.put("/api/v1/teams/" + team + "/webhook").asAdmin().json(body).send();
    }

    private void webhook(String format, String more) {
        putWebhook("{\"url\": \"" + receiver.url() + "\", \"format\": \"" + format + "\"" + more + "}").expectStatus(201);
    }

    /** A service whose prod the gate stops: its TESTS_PASSED rule finds no test runs, and no data is a reason to stop. */
    private String stoppedService() {
        String service = api.createService(unique("checkout"), team, "beta", "prod");
        api.put("/api/v1/rules/" + service + "-tests").asAdmin().json("""
                {"name": "Tests passed", "scope": {"service": "%s"}, "stages": ["prod"], "kind": "TESTS_PASSED", "params": {}}"""
                .formatted(service)).send().expectStatus(201);
        return service;
    }

    private JsonNode ask(String service) {
        return api.post("/api/v1/gate-evaluations").token(gateToken)
                .json("{\"service\": \"" + service + "\", \"version\": \"1.4.2\", \"stage\": \"prod\"}")
                .send().expectStatus(201).json();
    }

    @Test
    void a_stop_posts_the_evaluation_as_json_to_the_teams_webhook() throws InterruptedException {
        webhook("JSON", "");

        JsonNode evaluation = ask(stoppedService());

        assertThat(evaluation.path("verdict").asString()).isEqualTo("STOP");
        Received received = receiver.next(PATIENCE);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.headers().get("content-type")).startsWith("application/json");
        assertThat(received.headers().get("x-tollgate-delivery")).isEqualTo(evaluation.path("id").asString());
        assertThat(received.headers()).doesNotContainKey("x-tollgate-signature");
        JsonNode notice = JSON.readTree(received.body());
        assertThat(notice.path("event").asString()).isEqualTo("gate.evaluation");
        assertThat(notice.path("team").asString()).isEqualTo(team);
        assertThat(notice.path("evaluation")).isEqualTo(evaluation);
        assertThat(notice.path("url").asString()).isEqualTo("/api/v1/gate-evaluations/" + evaluation.path("id").asString());
        receiver.expectNothingWithin(QUIET);
    }

    @Test
    void a_slack_webhook_gets_a_one_line_summary_and_a_signed_body() throws InterruptedException {
        String secret = "a-shared-secret-of-the-team";
        webhook("SLACK", ", \"secret\": \"" + secret + "\"");
        String service = stoppedService();

        ask(service);

        Received received = receiver.next(PATIENCE);
        JsonNode message = JSON.readTree(received.body());
        assertThat(message.path("text").asString()).isEqualTo(":no_entry: STOP " + service + " 1.4.2 → prod");
        assertThat(message.path("blocks").values()).isNotEmpty();
        assertThat(received.headers().get("x-tollgate-signature"))
                .isEqualTo(WebhookSignature.of(secret, received.body().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_receiver_that_fails_twice_is_tried_a_third_time_and_then_left_alone() throws InterruptedException {
        webhook("JSON", "");
        receiver.answering(500, 503);

        String id = ask(stoppedService()).path("id").asString();

        List<Received> attempts = List.of(receiver.next(PATIENCE), receiver.next(PATIENCE), receiver.next(PATIENCE));
        assertThat(attempts).allSatisfy(attempt -> {
            assertThat(attempt.headers().get("x-tollgate-delivery")).isEqualTo(id);
            assertThat(attempt.body()).isEqualTo(attempts.getFirst().body());
        });
        receiver.expectNothingWithin(QUIET);
        assertThat(receiver.answered()).isEqualTo(3);
    }

    @Test
    void a_receiver_that_refuses_the_body_is_not_asked_again() throws InterruptedException {
        webhook("JSON", "");
        receiver.answering(400);

        ask(stoppedService());

        receiver.next(PATIENCE);
        receiver.expectNothingWithin(QUIET);
    }

    @Test
    void deliveries_are_counted_by_outcome() throws InterruptedException {
        webhook("JSON", "");
        receiver.answering(410);
        double failedBefore = deliveries("failed");

        ask(stoppedService());

        receiver.next(PATIENCE);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (deliveries("failed") < failedBefore + 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(deliveries("failed")).isGreaterThanOrEqualTo(failedBefore + 1);
        assertThat(deliveries("dropped")).as("the counter is there before anything is dropped").isGreaterThanOrEqualTo(0);
    }

    /** {@code tollgate.gate.webhook.deliveries} of an outcome, as Prometheus scrapes it. */
    private double deliveries(String outcome) {
        Matcher value = Pattern.compile("(?m)^tollgate_gate_webhook_deliveries_total\\{[^}]*outcome=\"" + outcome
                + "\"[^}]*} (\\S+)$").matcher(api.get("/actuator/prometheus").asAdmin().send().expectStatus(200).body());
        assertThat(value.find()).as("the %s deliveries counter", outcome).isTrue();
        return Double.parseDouble(value.group(1));
    }

    @Test
    void a_promotion_sends_nothing() throws InterruptedException {
        webhook("JSON", "");
        String service = stoppedService();
        // An override makes the gate answer PROMOTE whatever rules other tests set for every service.
        api.post("/api/v1/overrides").token(api.createToken(team, "override")).json("""
                {"service": "%s", "stage": "prod", "reason": "Tests run elsewhere this week; CHG-1234", "expiresAt": "%s"}"""
                .formatted(service, Instant.now().plus(1, ChronoUnit.HOURS))).send().expectStatus(201);

        assertThat(ask(service).path("verdict").asString()).isEqualTo("PROMOTE");

        receiver.expectNothingWithin(QUIET);
    }

    @Test
    void a_verdict_the_team_did_not_ask_for_sends_nothing() throws InterruptedException {
        webhook("JSON", ", \"verdicts\": [\"ROLLBACK\"]");

        assertThat(ask(stoppedService()).path("verdict").asString()).isEqualTo("STOP");

        receiver.expectNothingWithin(QUIET);
    }

    @Test
    void the_gate_answers_without_waiting_for_a_slow_receiver() throws InterruptedException {
        webhook("JSON", "");
        receiver.slow(Duration.ofSeconds(3));
        String service = stoppedService();

        long started = System.nanoTime();
        String id = ask(service).path("id").asString();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofMillis(1500));
        assertThat(receiver.answered()).as("answers the receiver gave when the gate had answered").isZero();
        assertThat(receiver.next(PATIENCE).headers().get("x-tollgate-delivery")).isEqualTo(id);
        receiver.awaitAnswers(1, PATIENCE);
    }

    @Test
    void get_shows_whether_a_secret_is_set_and_where_it_goes_but_never_the_secret_or_the_path() {
        webhook("JSON", ", \"verdicts\": [\"WAIT\", \"ROLLBACK\", \"STOP\"], \"secret\": \"never-show-me-again-please\"");

        ApiResponse answer = api.get("/api/v1/teams/" + team + "/webhook").token(api.createToken(team, "read")).send()
                .expectStatus(200);

        JsonNode webhook = answer.json();
        URI url = URI.create(receiver.url());
        assertThat(webhook.path("url").asString()).as("the path of a Slack URL is its credential")
                .isEqualTo(url.getScheme() + "://" + url.getAuthority() + "/…");
        assertThat(webhook.path("format").asString()).isEqualTo("JSON");
        assertThat(webhook.path("verdicts").values()).extracting(JsonNode::asString).containsExactly("WAIT", "STOP", "ROLLBACK");
        assertThat(webhook.path("secretSet").asBoolean()).isTrue();
        assertThat(answer.body()).doesNotContain("never-show-me");
    }

    @Test
    void put_creates_then_replaces_defaults_to_stop_and_rollback_and_delete_removes_it() {
        String url = receiver.url();

        ApiResponse created = putWebhook("{\"url\": \"" + url + "\", \"format\": \"SLACK\", \"secret\": \"0123456789abcdef\"}")
                .expectStatus(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/teams/" + team + "/webhook");
        assertThat(created.json().path("verdicts").values()).extracting(JsonNode::asString).containsExactly("STOP", "ROLLBACK");
        JsonNode replaced = putWebhook("{\"url\": \"" + url + "\", \"format\": \"JSON\"}").expectStatus(200).json();
        assertThat(replaced.path("format").asString()).isEqualTo("JSON");
        assertThat(replaced.path("secretSet").asBoolean()).as("a PUT replaces all of it, the secret too").isFalse();

        api.delete("/api/v1/teams/" + team + "/webhook").asAdmin().send().expectStatus(204);

        api.get("/api/v1/teams/" + team + "/webhook").asAdmin().send().expectProblem(404);
        api.delete("/api/v1/teams/" + team + "/webhook").asAdmin().send().expectProblem(404);
    }

    @Test
    void setting_and_deleting_are_audited_without_the_secret_or_the_path_of_the_url() {
        long before = api.newestAuditId();
        putWebhook("{\"url\": \"https://hooks.slack.com/services/T0/B0/the-credential\", \"format\": \"SLACK\", "
                + "\"secret\": \"the-secret-of-the-team\"}").expectStatus(201);
        api.delete("/api/v1/teams/" + team + "/webhook").asAdmin().send().expectStatus(204);

        List<JsonNode> audit = api.auditAfter(before);

        assertThat(audit).extracting(entry -> entry.path("action").asString()).containsExactly("WEBHOOK_SET", "WEBHOOK_DELETED");
        assertThat(audit).allSatisfy(entry -> {
            assertThat(entry.path("targetId").asString()).isEqualTo(team);
            assertThat(entry.toString()).contains("https://hooks.slack.com").doesNotContain("the-credential", "the-secret");
        });
    }

    @Test
    void a_bad_webhook_is_refused_naming_every_fault_and_nothing_is_stored() {
        putWebhook("""
                {"url": "ftp://hooks.example.com/x", "format": "XML", "verdicts": ["STOP", "PROMOTE", "LATER"], "secret": "short"}""")
                .expectRefusedAt("/url", "/format", "/verdicts/1", "/verdicts/2", "/secret");
        putWebhook("{\"format\": \"JSON\"}").expectRefusedAt("/url");
        putWebhook("{\"url\": \"/relative\", \"format\": \"JSON\", \"verdicts\": []}").expectRefusedAt("/url", "/verdicts");
        putWebhook("{\"url\": \"https://hooks.example.com/" + "x".repeat(2000) + "\", \"format\": \"JSON\"}")
                .expectRefusedAt("/url");
        putWebhook("{\"url\": \"https://hooks.example.com/\", \"format\": \"JSON\", \"colour\": \"red\"}")
                .expectRefusedAt("/colour");

        api.get("/api/v1/teams/" + team + "/webhook").asAdmin().send().expectProblem(404);
    }

    @Test
    void a_token_of_another_team_is_refused_and_a_team_that_does_not_exist_is_not_found() {
        String otherTeam = api.createTeam(unique("other"));
        String body = "{\"url\": \"" + receiver.url() + "\", \"format\": \"JSON\"}";

        api.put("/api/v1/teams/" + team + "/webhook").token(api.createToken(otherTeam, "admin")).json(body).send()
                .expectProblem(403);
        api.get("/api/v1/teams/" + team + "/webhook").token(api.createToken(otherTeam, "read")).send().expectProblem(403);

        api.put("/api/v1/teams/" + unique("nobody") + "/webhook").asAdmin().json(body).send().expectProblem(404);
    }
}
