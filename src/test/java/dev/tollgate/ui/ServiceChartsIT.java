package dev.tollgate.ui;

import static com.codeborne.selenide.CollectionCondition.size;
import static com.codeborne.selenide.CollectionCondition.sizeGreaterThanOrEqual;
import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selectors.shadowCss;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;

/**
 * A user opens the services view, picks a service and reads its charts: the metrics sent through
 * the API are drawn, and its deployment is marked on the time axis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceChartsIT {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    int port;

    @Test
    void a_user_opens_a_service_and_sees_its_metrics_and_deployments_on_charts() {
        ApiClient api = new ApiClient(port);
        String team = api.createTeam(ApiClient.unique("charts"));
        String service = api.createService(ApiClient.unique("svc"), team, "beta", "prod");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        StringBuilder points = new StringBuilder("[");
        for (int minute = 1; minute <= 60; minute++) {
            Instant at = now.minus(minute, ChronoUnit.MINUTES);
            points.append(minute == 1 ? "" : ",")
                    .append("{\"metric\":\"requests\",\"service\":\"").append(service).append("\",\"stage\":\"prod\",\"value\":")
                    .append(100 + minute).append(",\"time\":\"").append(at).append("\"},")
                    .append("{\"metric\":\"latency_ms\",\"service\":\"").append(service).append("\",\"stage\":\"prod\",\"value\":")
                    .append(40 + minute % 7).append(",\"time\":\"").append(at).append("\"}");
        }
        api.post("/api/v1/metrics").asAdmin().json(points.append("]").toString()).send().expectStatus(200);
        api.post("/api/v1/deployments").asAdmin().json("{\"service\":\"" + service + "\",\"stage\":\"prod\",\"version\":\"2.0.1\","
                + "\"status\":\"SUCCEEDED\",\"time\":\"" + now.minus(30, ChronoUnit.MINUTES) + "\"}").send().expectStatus(200);

        open("http://localhost:" + port + "/login");
        $("vaadin-login-form input[name=username]").setValue("admin");
        $("vaadin-login-form input[name=password]").setValue("test-admin-password");
        $("vaadin-login-form vaadin-button").click();
        $("#signed-in-user").shouldBe(visible);

        $("#nav-services").click();
        $$("#services-list vaadin-grid-cell-content").findBy(exactText(service)).shouldBe(visible).click();

        $$("tollgate-timeseries").shouldHave(sizeGreaterThanOrEqual(4));
        String requests = "tollgate-timeseries:nth-of-type(1)";
        $(shadowCss(".title", requests)).shouldHave(exactText("Requests"));
        $(shadowCss(".uplot canvas", requests)).shouldBe(visible);
        $$(shadowCss(".marker", requests)).shouldHave(size(1));
        $(shadowCss(".marker .flag", requests)).shouldHave(com.codeborne.selenide.Condition.attributeMatching("title", "^2\\.0\\.1 .*"));
        // The errors chart has no points: it says so instead of drawing an empty plot.
        $(shadowCss(".empty", "tollgate-timeseries:nth-of-type(2)")).shouldHave(text("No errors and throttles"));
    }
}
