package dev.tollgate.ui;

import static com.codeborne.selenide.Condition.attribute;
import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;

/**
 * An admin writes a THRESHOLD rule for a service in the rule editor, sees a CEL expression's
 * compile error while typing it, then finds the gate's evaluation of a promotion of that service,
 * reads the rule's result in it, overrides the verdict, and sees the verdict beside the stage on
 * the service's page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RulesAndGateJourneyIT {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    int port;

    @Test
    void admin_writes_rules_in_the_editor_and_reads_and_overrides_the_gates_verdict() {
        ApiClient api = new ApiClient(port);
        String team = api.createTeam(ApiClient.unique("gates"));
        String service = api.createService(ApiClient.unique("basket"), team, "beta", "prod");
        String rule = service + "-errors";

        open("http://localhost:" + port + "/login");
        $("vaadin-login-form input[name=username]").setValue("admin");
        $("vaadin-login-form input[name=password]").setValue("test-admin-password");
        $("vaadin-login-form vaadin-button").click();
        $("#signed-in-user").shouldBe(visible);

        $("#nav-rules").click();
        $("#new-rule").click();
        $("#rule-id input").setValue(rule);
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
        api.post("/api/v1/gate-evaluations").asAdmin()
                .json("{\"service\": \"" + service + "\", \"version\": \"1.4.0\", \"stage\": \"prod\"}")
                .send().expectStatus(201);

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
}
