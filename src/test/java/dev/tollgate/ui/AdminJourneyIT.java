package dev.tollgate.ui;

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

/** An admin signs in, creates a team and a service in the admin views, and finds both listed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminJourneyIT {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    int port;

    @Test
    void admin_creates_a_team_and_a_service_and_sees_both_listed() {
        open("http://localhost:" + port + "/login");
        $("vaadin-login-form input[name=username]").setValue("admin");
        $("vaadin-login-form input[name=password]").setValue("test-admin-password");
        $("vaadin-login-form vaadin-button").click();
        $("#signed-in-user").shouldHave(text("Administrator"));

        $("#nav-admin-teams").click();
        $("#new-team").click();
        $("#team-id input").setValue("payments");
        $("#team-name input").setValue("Payments");
        $("#team-description textarea").setValue("Checkout and refunds");
        $("#save").click();
        $$("#teams-grid vaadin-grid-cell-content").findBy(exactText("payments")).shouldBe(visible);
        $$("#teams-grid vaadin-grid-cell-content").findBy(exactText("Checkout and refunds")).shouldBe(visible);

        $("#nav-admin-services").click();
        $("#new-service").click();
        $("#service-id input").setValue("checkout");
        $("#service-team input").setValue("pay");
        $$("vaadin-combo-box-item").findBy(exactText("Payments (payments)")).click();
        $("#service-stages input").setValue("beta, gamma, prod");
        $("#save").click();
        $$("#services-grid vaadin-grid-cell-content").findBy(exactText("checkout")).shouldBe(visible);
        $$("#services-grid vaadin-grid-cell-content").findBy(exactText("beta → gamma → prod")).shouldBe(visible);
        $$("#services-grid vaadin-grid-cell-content").findBy(exactText("Payments (payments)")).shouldBe(visible);
    }
}
