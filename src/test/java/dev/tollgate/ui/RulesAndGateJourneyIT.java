package dev.tollgate.ui;

import static com.codeborne.selenide.CollectionCondition.size;
import static com.codeborne.selenide.Condition.attribute;
import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.value;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selectors.shadowCss;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static dev.tollgate.ui.JourneySteps.inView;
import static dev.tollgate.ui.JourneySteps.signIn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Role;
import dev.tollgate.security.UserAccounts;
import dev.tollgate.testing.ApiClient;

/**
 * An admin writes a THRESHOLD rule for a service in the rule editor, sees a CEL expression's
 * compile error while typing it, then finds the gate's evaluation of a promotion of that service,
 * reads the rule's result in it, overrides the verdict, and sees the verdict beside the stage on
 * the service's page. An admin backtests a rule before saving it and tunes its threshold on the
 * chart. A viewer reads the same, backtests it and is offered no change. A team lead overrides the
 * gate for the services of their own team only, and is offered no change of rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RulesAndGateJourneyIT {

    /** 721 steps, each asking the stores afresh, on a machine shared with other builds. */
    private static final Duration BACKTEST_TIME = Duration.ofSeconds(60);

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    CurrentCaller callers;

    @Autowired
    Clock clock;

    private ApiClient api;
    private String team;
    private String service;

    /** A service of its own for each test, with beta and prod: the rules it writes gate nobody else's. */
    @BeforeEach
    void createService() {
        api = new ApiClient(port);
        team = api.createTeam(ApiClient.unique("gates"));
        service = api.createService(ApiClient.unique("basket"), team, "beta", "prod");
    }

    @Test
    void admin_writes_rules_in_the_editor_and_reads_and_overrides_the_gates_verdict() {
        String rule = service + "-errors";

        signIn(port, "admin", "test-admin-password");

        $("#nav-rules").click();
        editNewThresholdRule(rule);
        $("#save").click();
        $$("#rules-grid vaadin-grid-cell-content").findBy(exactText(rule)).shouldBe(visible);
        $$("#rules-grid vaadin-grid-cell-content").findBy(exactText("service " + service)).shouldBe(visible).click();
        $("#rules-grid .rule-details").shouldHave(text("errors"), text("PT1H"));

        $("#new-rule").click();
        $("#rule-kind").click();
        $$("vaadin-select-item").findBy(exactText("Expression (CEL)")).click();
        $("#param-expression textarea").setValue("sum(\"errors\", \"1h\") >");
        $("#param-expression").shouldHave(attribute("invalid", "true"));
        $("#param-expression").shouldHave(text("line 1, column"));
        $("#param-expression textarea").setValue("sum(\"errors\", \"1h\") > 5");
        $("#param-expression").shouldNotHave(attribute("invalid", "true"), text("line 1, column"));
        $("#cancel").click();

        // The errors of beta over the last hour are unknown: the rule has no data, and no data stops.
        askTheGate("1.4.0");

        $("#nav-gate").click();
        $("#evaluation-service-filter input").setValue(service);
        $$("vaadin-combo-box-item").findBy(exactText(service)).click();
        $$("#evaluations-grid vaadin-grid-cell-content").findBy(exactText("1.4.0")).shouldBe(visible).click();
        $("#evaluation-detail").shouldHave(text(service + " 1.4.0 into prod"), text("STOP"));
        $("#evaluation-results").shouldHave(text("Few errors"), text("NO_DATA"), text("stop"));

        $("#override-evaluation").click();
        $("#override-reason textarea").setValue("The error metrics of beta are late today; checked by hand");
        $("#save").click();
        $$("#overrides-grid vaadin-grid-cell-content").findBy(text("checked by hand")).shouldBe(visible);

        open("http://localhost:" + port + "/services/" + service);
        $("#stage-prod").shouldHave(text("STOP"), text("1.4.0"));
        $("#stage-beta").shouldHave(text("Nothing deployed yet"), text("Gate never asked"));
    }

    @Test
    void admin_backtests_an_unsaved_threshold_over_the_last_30_days_and_tunes_it_before_saving() {
        // Errors in beta, the stage a promotion into prod leaves, in three past hours: 3, 14 and 20.
        Instant base = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(10));
        api.post("/api/v1/metrics").asAdmin().json("[" + String.join(", ", errors(3, base.plus(Duration.ofMinutes(30))),
                errors(14, base.plus(Duration.ofMinutes(90))), errors(20, base.plus(Duration.ofMinutes(210)))) + "]")
                .send().expectStatus(200);

        signIn(port, "admin", "test-admin-password");
        $("#nav-rules").click();
        editNewThresholdRule(service + "-backtest");
        // Hours without errors reported pass, so that only the hours with too many stop.
        $("#rule-on-no-data").click();
        $$("vaadin-select-item").findBy(exactText("Pass")).click();

        inView("#rule-backtest vaadin-details-summary").click();
        $("#backtest-service input").shouldHave(value(service));
        $("#backtest-stage").shouldHave(text("prod"));
        inView("#run-backtest").click();
        $("#backtest-summary").shouldHave(text("would have stopped 2 of 721 promotions (0.3%)"), BACKTEST_TIME);
        $("#backtest-statuses").shouldHave(exactText("PASS 1 · FAIL 2 · WAIT 0 · NO_DATA 718 · ERROR 0"));
        $(shadowCss(".uplot canvas", "#backtest-chart")).shouldBe(visible);
        $$(shadowCss(".marker", "#backtest-chart")).shouldHave(size(2));
        $(shadowCss(".legend", "#backtest-chart")).shouldHave(text("observed"), text("threshold"), text("would stop"));

        // Tuned without saving: a higher threshold stops only the worst hour.
        inView("#param-threshold input").setValue("15");
        inView("#run-backtest").click();
        $("#backtest-summary").shouldHave(text("would have stopped 1 of 721 promotions (0.1%)"), BACKTEST_TIME);
        $$(shadowCss(".marker", "#backtest-chart")).shouldHave(size(1));

        // A threshold that is no number is refused at its field, and no stale chart is left standing.
        inView("#param-threshold input").setValue("fifteen");
        inView("#run-backtest").click();
        $("#param-threshold").shouldHave(attribute("invalid", "true"));
        $("#backtest-chart").shouldNotBe(visible);
        $("#backtest-summary").shouldHave(exactText(""));

        $("#cancel").click();
        $$("#rules-grid vaadin-grid-cell-content").findBy(exactText(service + "-backtest")).shouldNot(exist);
    }

    /** A new rule in the editor, not saved: at most 10 errors an hour in the stage before prod, for this test's service. */
    private void editNewThresholdRule(String id) {
        $("#new-rule").click();
        $("#rule-id input").setValue(id);
        $("#rule-name input").setValue("Few errors");
        $("#rule-scope").click();
        $$("vaadin-select-item").findBy(exactText("One service")).click();
        $("#rule-scope-service input").setValue(service);
        $$("vaadin-combo-box-item").findBy(exactText(service)).click();
        $("#rule-stages input").setValue("prod");
        $("#param-metric input").setValue("errors");
        $$("vaadin-combo-box-item").findBy(exactText("errors")).click();
        $("#param-window input").setValue("PT1H");
        $("#param-threshold input").setValue("10");
    }


    private String errors(double value, Instant time) {
        return """
                {"metric": "errors", "service": "%s", "stage": "beta", "value": %s, "time": "%s"}"""
                .formatted(service, value, time);
    }

    @Test
    void a_viewer_reads_rules_and_evaluations_and_is_offered_no_change() {
        String rule = service + "-bake";
        api.put("/api/v1/rules/" + rule).asAdmin().json("{\"name\": \"Bake an hour\", \"scope\": {\"service\": \""
                + service + "\"}, \"kind\": \"BAKE_TIME\", \"params\": {\"duration\": \"PT1H\"}}").send().expectStatus(201);
        askTheGate("2.0.0");
        String viewer = ApiClient.unique("viewer");
        callers.runAsSystem(() -> users.create(viewer, "Vera Viewer", Role.VIEWER, Set.of(), "viewer-password-1"));

        signIn(port, viewer, "viewer-password-1");
        $("#nav-rules").click();
        $$("#rules-grid vaadin-grid-cell-content").findBy(exactText(rule)).shouldBe(visible).click();
        $("#rules-grid .rule-details").shouldHave(text("PT1H"));
        $("#new-rule").shouldNotBe(visible);
        $$("#rules-grid .action-edit").shouldHave(size(0));

        // Reading a rule is enough to backtest it: with nothing ever deployed to beta, it never had data, and no data stops.
        $("#rules-grid vaadin-button[aria-label='Backtest " + rule + "']").click();
        $("#run-backtest").click();
        $("#backtest-summary").shouldHave(text("would have stopped 721 of 721 promotions (100%)"), BACKTEST_TIME);
        $("#backtest-statuses").shouldHave(text("NO_DATA 721"));
        $("#close-backtest").click();

        $("#nav-gate").click();
        $$("#evaluations-grid vaadin-grid-cell-content").findBy(exactText("2.0.0")).shouldBe(visible).click();
        $("#evaluation-results").shouldHave(text("Bake an hour"));
        $("#override-evaluation").shouldNot(exist);
        $("#new-override").shouldNotBe(visible);
    }

    @Test
    void a_team_lead_overrides_the_gate_for_their_own_teams_services_only_and_is_offered_no_rule_change() {
        String other = api.createService(ApiClient.unique("ledger"), api.createTeam(ApiClient.unique("others")),
                "beta", "prod");
        String rule = stopWithoutTests(service);
        stopWithoutTests(other);
        askTheGate(service, "3.1.0");
        askTheGate(other, "3.2.0");
        String lead = ApiClient.unique("lead");
        callers.runAsSystem(() -> users.create(lead, "Lee Lead", Role.TEAM_LEAD, Set.of(team), "lead-password-1"));

        signIn(port, lead, "lead-password-1");
        $("#nav-rules").click();
        $$("#rules-grid vaadin-grid-cell-content").findBy(exactText(rule)).shouldBe(visible);
        $("#new-rule").shouldNotBe(visible);
        $$("#rules-grid .action-edit").shouldHave(size(0));

        $("#nav-gate").click();
        $$("#evaluations-grid vaadin-grid-cell-content").findBy(exactText("3.2.0")).shouldBe(visible).click();
        $("#evaluation-detail").shouldHave(text(other + " 3.2.0 into prod"), text("STOP"));
        $("#override-evaluation").shouldNot(exist);
        $$("#evaluations-grid vaadin-grid-cell-content").findBy(exactText("3.1.0")).shouldBe(visible).click();
        $("#evaluation-detail").shouldHave(text(service + " 3.1.0 into prod"), text("STOP"));
        $("#override-evaluation").shouldBe(visible).click();
        $("#override-reason textarea").setValue("Tests ran by hand: the runner is down");
        $("#save").click();
        $$("#overrides-grid vaadin-grid-cell-content").findBy(text("runner is down")).shouldBe(visible);
    }

    /** A rule that stops the service's promotions into prod: no test runs were reported, and no data stops. */
    private String stopWithoutTests(String service) {
        String rule = service + "-tests";
        api.put("/api/v1/rules/" + rule).asAdmin().json("{\"name\": \"Tests passed\", \"scope\": {\"service\": \""
                + service + "\"}, \"stages\": [\"prod\"], \"kind\": \"TESTS_PASSED\", \"params\": {}}").send()
                .expectStatus(201);
        return rule;
    }

    private void askTheGate(String version) {
        askTheGate(service, version);
    }

    private void askTheGate(String service, String version) {
        api.post("/api/v1/gate-evaluations").asAdmin()
                .json("{\"service\": \"" + service + "\", \"version\": \"" + version + "\", \"stage\": \"prod\"}")
                .send().expectStatus(201);
    }

}
