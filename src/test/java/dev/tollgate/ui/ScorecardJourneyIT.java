package dev.tollgate.ui;

import static com.codeborne.selenide.CollectionCondition.size;
import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static dev.tollgate.ui.JourneySteps.inView;
import static dev.tollgate.ui.JourneySteps.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.codeborne.selenide.Selenide;
import com.codeborne.selenide.WebDriverRunner;

import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Role;
import dev.tollgate.security.UserAccounts;
import dev.tollgate.testing.ApiClient;

import tools.jackson.databind.JsonNode;

/**
 * A team lead opens the overview, finds the team in the heat map, opens its scorecard, changes the
 * period and reads a figure: the very figure the scorecard API answers for that period. An admin
 * adds an input goal and records an enablement figure in the team view; a viewer is offered
 * neither. At a phone's width the team view fits the screen, and the heat map scrolls inside its
 * frame instead of the page.
 *
 * <p>The figures are written hours and days inside the periods read, never near their edges, so
 * that the seconds between the page's reading and the API's cannot change them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScorecardJourneyIT {

    private static final String PASSWORD = "lead-password-1";

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
    private String orders;

    /** A team of its own for each test, with one service, an availability history and a business figure. */
    @BeforeEach
    void createTeam() {
        api = new ApiClient(port);
        team = api.createTeam(ApiClient.unique("shop"));
        service = api.createService(ApiClient.unique("basket"), team, "beta", "prod");
        orders = "orders_" + team.replace('-', '_');
        api.put("/api/v1/metric-definitions/" + orders).asAdmin().json("""
                {"category": "BUSINESS", "unit": "count", "better": "HIGHER", "aggregation": "sum",
                 "description": "Orders placed"}""").send().expectStatus(201);
        Instant now = clock.instant();
        Instant hoursAgo = now.minus(Duration.ofHours(2));
        Instant daysAgo = now.minus(Duration.ofDays(3));
        api.post("/api/v1/metrics").asAdmin().json("[" + String.join(", ",
                teamPoint(orders, 5, hoursAgo), teamPoint(orders, 7, daysAgo),
                servicePoint("availability", 99.5, hoursAgo), servicePoint("availability", 99.9, daysAgo)) + "]")
                .send().expectStatus(200);
    }

    @AfterEach
    void wideWindow() {
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void a_team_lead_opens_a_team_from_the_heat_map_changes_the_period_and_reads_the_figure_the_api_answers() {
        String lead = ApiClient.unique("lead");
        callers.runAsSystem(() -> users.create(lead, "Lena Lead", Role.TEAM_LEAD, Set.of(team), PASSWORD));
        signIn(port, lead, PASSWORD);

        $("#nav-overview").click();
        $("#heat-" + team + "-availability").shouldHave(exactText(figure("P7D", "operational", "availability")
                + arrowOf("P7D", "operational", "availability")));
        $("#heat-row-" + team + " td").click();

        $("#card-business").shouldBe(visible);
        assertThat(WebDriverRunner.url()).endsWith("/teams/" + team + "?period=P7D");
        $("#item-" + orders + " .figure-value").shouldHave(exactText(figure("P7D", "business", orders)));
        $("#item-" + orders + " .figure-value").shouldHave(exactText("12"));

        $("#period").click();
        $$("vaadin-select-item").findBy(exactText("Last 1 day")).click();
        $("#item-" + orders + " .figure-value").shouldHave(exactText("5"));
        assertThat(WebDriverRunner.url()).endsWith("/teams/" + team + "?period=P1D");
        $("#item-" + orders + " .figure-value").shouldHave(exactText(figure("P1D", "business", orders)));
        $("#item-availability .figure-value").shouldHave(exactText(figure("P1D", "operational", "availability")));

        // The team's services link to their pages.
        inView("#team-service-" + service + " a").click();
        $("#stage-strip").shouldBe(visible);
        $("#service-scorecard").shouldHave(text("Scorecard"));
        inView("#service-team-link").click();
        $("#card-services").shouldHave(text(service));
    }

    @Test
    void an_admin_adds_an_input_goal_and_records_an_enablement_figure_and_a_viewer_is_offered_neither() {
        signIn(port, "admin", "test-admin-password");
        open("http://localhost:" + port + "/teams/" + team);

        $("#card-goals").shouldHave(text("No input goals yet"));
        inView("#new-goal").click();
        $("#goal-id input").setValue("checkout-v2");
        $("#goal-title input").setValue("Ship the new checkout");
        $("#goal-target input").setValue("ten");
        $("#goal-current input").setValue("4");
        $("#save").click();
        $("#goal-target").shouldHave(text("must be a number"));
        $("#goal-target input").setValue("10");
        $("#goal-unit input").setValue("features");
        $("#save").click();
        $("#goal-checkout-v2").shouldHave(text("Ship the new checkout"), text("4 of 10 features · 40%"));

        inView("#record-enablement").click();
        $("#enablement-metric").click();
        $$("vaadin-select-item").findBy(text("security_training_pct")).click();
        $("#enablement-value input").setValue("87.5");
        $("#save").click();
        $("#item-security_training_pct .figure-value").shouldHave(exactText("87.5%"));

        String viewer = ApiClient.unique("viewer");
        callers.runAsSystem(() -> users.create(viewer, "Vera Viewer", Role.VIEWER, Set.of(), PASSWORD));
        signIn(port, viewer, PASSWORD);
        open("http://localhost:" + port + "/teams/" + team);
        $("#goal-checkout-v2").shouldBe(visible);
        $$("#new-goal, #record-enablement, .edit-goal").shouldHave(size(0));
    }

    @Test
    void at_a_phones_width_the_team_view_fits_the_screen_and_the_heat_map_scrolls_in_its_frame() {
        signIn(port, "admin", "test-admin-password");
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(390, 844));

        open("http://localhost:" + port + "/teams/" + team + "?period=P28D");
        $("#card-gates").shouldBe(visible);
        assertThat(pageOverflow()).as("how far the page is wider than the screen").isLessThanOrEqualTo(0L);
        // The cards wrap to one column.
        long businessLeft = Selenide.executeJavaScript(
                "return Math.round(document.getElementById('card-business').getBoundingClientRect().left)");
        long operationalLeft = Selenide.executeJavaScript(
                "return Math.round(document.getElementById('card-operational').getBoundingClientRect().left)");
        assertThat(operationalLeft).isEqualTo(businessLeft);

        open("http://localhost:" + port + "/");
        $("#heat-map").shouldBe(visible);
        assertThat(pageOverflow()).isLessThanOrEqualTo(0L);
        long hidden = Selenide.executeJavaScript(
                "const f = document.getElementById('heat-map'); return f.scrollWidth - f.clientWidth;");
        assertThat(hidden).as("the heat map's width beyond its frame").isPositive();
    }


    /** How many pixels the document, or the view inside the app layout, reaches past the window's width. */
    private static long pageOverflow() {
        return Selenide.executeJavaScript("""
                const widest = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth,
                    ...[...document.querySelectorAll('vaadin-app-layout > *')].map(e => e.scrollWidth));
                return widest - document.documentElement.clientWidth;""");
    }

    /** The figure as the scorecard API answers it now, shown as the views show it. */
    private String figure(String period, String quadrant, String metric) {
        JsonNode item = item(period, quadrant, metric);
        return FigureText.value(item.get("value").isNull() ? null : item.get("value").asDouble(),
                item.get("unit").asString());
    }

    /** The heat map's change under the value, as the API's delta reads; nothing when there is none. */
    private String arrowOf(String period, String quadrant, String metric) {
        JsonNode delta = item(period, quadrant, metric).get("deltaPct");
        return delta == null || delta.isNull() ? "" : " " + FigureText.delta(delta.asDouble());
    }

    private JsonNode item(String period, String quadrant, String metric) {
        JsonNode card = api.get("/api/v1/teams/" + team + "/scorecard?period=" + period).asAdmin().send()
                .expectStatus(200).json();
        for (JsonNode item : card.get(quadrant)) {
            if (metric.equals(item.path("metric").asString(""))) {
                return item;
            }
        }
        throw new AssertionError("No " + metric + " in the " + quadrant + " figures of " + card);
    }

    private String teamPoint(String metric, double value, Instant time) {
        return """
                {"metric": "%s", "team": "%s", "value": %s, "time": "%s"}""".formatted(metric, team, value, time);
    }

    private String servicePoint(String metric, double value, Instant time) {
        return """
                {"metric": "%s", "service": "%s", "stage": "prod", "value": %s, "time": "%s"}"""
                .formatted(metric, service, value, time);
    }

}
