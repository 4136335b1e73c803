package dev.tollgate.ui;

import static com.codeborne.selenide.CollectionCondition.size;
import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * The weekly operational review (issue 5): a principal spins the wheel, records a review of the
 * service it picked, adds an action item with an owner and a due date, and finds it again the
 * next week, until it is marked done. A viewer reads along and is offered no change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationalReviewJourneyIT {

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

    /** At least one owned service for the wheel to pick, whatever other tests left in the catalog. */
    @BeforeEach
    void createService() {
        api = new ApiClient(port);
        api.createService(ApiClient.unique("basket"), api.createTeam(ApiClient.unique("review")));
    }

    @Test
    void a_principal_spins_the_wheel_records_a_review_and_follows_an_action_item_into_next_week_until_done() {
        String principal = ApiClient.unique("principal");
        callers.runAsSystem(() -> users.create(principal, "Priya Principal", Role.PRINCIPAL, Set.of(),
                "principal-password-1"));
        String title = "Alarm on p99 latency " + ApiClient.unique("item");
        String due = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(3).toString();

        signIn(principal, "principal-password-1");
        $("#nav-review").click();
        $("#review-figures").shouldBe(visible);
        $("#spin-wheel").click();

        $("#wheel-pick").shouldBe(visible);
        String service = $("#wheel-pick-service").getText();
        String team = $("#wheel-pick-team").getText();
        assertThat(service).isNotBlank();
        $$("#review-figures vaadin-grid-cell-content").findBy(exactText(service)).shouldBe(visible);
        $("#review-notes textarea").setValue("Error rate back to normal; the p99 alarm fired late.");
        $("#save").click();
        $$("#week-reviews vaadin-grid-cell-content").findBy(text("the p99 alarm fired late")).shouldBe(visible);
        assertThat(api.get("/api/v1/reviews?team=" + team).asAdmin().send().expectStatus(200).json().path(0)
                .path("reviewer").asString()).isEqualTo("user:" + principal);

        $("#add-action-item-for-pick").click();
        $("#action-item-title input").setValue(title);
        $("#action-item-owner input").setValue("Jonas Weber");
        $("#action-item-due input").setValue(due).pressEnter();
        $("#save").click();
        $$("#action-items-grid vaadin-grid-cell-content").findBy(exactText(title)).shouldBe(visible);
        assertThat(api.get("/api/v1/action-items?team=" + team + "&open=true").asAdmin().send().expectStatus(200)
                .json().path(0).path("due").asString()).isEqualTo(due);

        $("#next-week").click();
        $("#review-figures").shouldHave(text("This week has not begun yet"));
        $$("#week-reviews vaadin-grid-cell-content").findBy(text("the p99 alarm fired late")).shouldNot(exist);
        $$("#action-items-grid vaadin-grid-cell-content").findBy(exactText(title)).shouldBe(visible);
        $$("#action-items-grid vaadin-grid-cell-content").findBy(exactText("Jonas Weber")).shouldBe(visible);

        $("#action-items-grid vaadin-button[aria-label='Done: " + title + "']").scrollIntoView("{block: 'center'}").click();
        $$("#action-items-grid vaadin-grid-cell-content").findBy(exactText(title)).shouldNot(exist);
        assertThat(api.get("/api/v1/action-items?team=" + team + "&open=false").asAdmin().send().expectStatus(200)
                .json().path(0).path("doneBy").asString()).isEqualTo("user:" + principal);
    }

    @Test
    void a_viewer_reads_the_review_and_is_offered_no_change() {
        String viewer = ApiClient.unique("viewer");
        callers.runAsSystem(() -> users.create(viewer, "Vera Viewer", Role.VIEWER, Set.of(), "viewer-password-1"));
        String team = api.createTeam(ApiClient.unique("items"));
        String title = "Runbook " + ApiClient.unique("item");
        api.post("/api/v1/action-items").asAdmin().json("{\"team\": \"" + team + "\", \"title\": \"" + title
                + "\", \"owner\": \"Mei Chen\", \"due\": \"2020-01-31\"}").send().expectStatus(201);

        signIn(viewer, "viewer-password-1");
        $("#nav-review").click();
        $$("#action-items-grid vaadin-grid-cell-content").findBy(exactText(title)).shouldBe(visible);
        $$("#action-items-grid vaadin-grid-cell-content").findBy(exactText("2020-01-31 overdue")).shouldBe(visible);
        $("#add-action-item").shouldNotBe(visible);
        $$("#action-items-grid .action-done").filter(visible).shouldHave(size(0));

        $("#spin-wheel").click();
        $("#wheel-pick").shouldHave(text("are recorded by admins, principals and the team's leads"));
        $("#review-notes").shouldNot(exist);
        $("#record-review").shouldNot(exist);
    }

    private void signIn(String username, String password) {
        JourneySteps.signIn(port, username, password);
    }
}
