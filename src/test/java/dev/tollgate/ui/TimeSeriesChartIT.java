package dev.tollgate.ui;

import static com.codeborne.selenide.CollectionCondition.size;
import static com.codeborne.selenide.CollectionCondition.texts;
import static com.codeborne.selenide.Condition.attribute;
import static com.codeborne.selenide.Condition.attributeMatching;
import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.matchText;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selectors.shadowCss;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.actions;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.codeborne.selenide.SelenideElement;

/**
 * The time-series chart in a real browser, from the production bundle: drawn, readable under the
 * cursor, zoomable with the server told the range, with its deployments marked, and honest when
 * there is nothing to draw. The page is {@link TimeSeriesChartSampleView}, a test-only route.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TimeSeriesChartIT {

    private static final String CHART = "#latency-chart";

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    int port;

    @BeforeEach
    void openSamplePage() {
        open("http://localhost:" + port + "/test/time-series-chart");
        $(shadowCss(".uplot canvas", CHART)).shouldBe(visible);
    }

    @Test
    void draws_each_series_with_a_legend_entry_under_the_chart_title() {
        $(shadowCss(".title", CHART)).shouldHave(exactText("Checkout latency"));
        $(shadowCss(".unit", CHART)).shouldHave(exactText("ms"));
        $$(shadowCss(".u-legend .u-label", CHART)).shouldHave(texts("Time", "p50", "p99"));
    }

    @Test
    void shows_the_values_under_the_cursor_in_the_legend() {
        SelenideElement p99 = $$(shadowCss(".u-legend tr.u-series .u-value", CHART)).get(2);
        p99.shouldNotHave(matchText("\\d"));

        actions().moveToElement(plotArea()).perform();

        p99.shouldHave(matchText("^\\d[\\d,.]* ms$"));
        $$(shadowCss(".u-legend tr.u-series .u-value", CHART)).get(1).shouldHave(matchText("^\\d[\\d,.]* ms$"));
    }

    @Test
    void marks_each_deployment_in_the_colour_of_its_outcome() {
        var markers = $$(shadowCss(".marker", CHART)).shouldHave(size(3));
        markers.get(0).shouldHave(attribute("data-kind", "SUCCEEDED")).shouldBe(visible);
        markers.get(1).shouldHave(attribute("data-kind", "FAILED")).shouldBe(visible);
        markers.get(2).shouldHave(attribute("data-kind", "ROLLED_BACK")).shouldBe(visible);
        $$(shadowCss(".marker .flag", CHART)).get(1)
                .shouldHave(attributeMatching("title", "checkout 1\\.5\\.0 to prod \\(failed, .+\\)"));

        String succeeded = markers.get(0).getCssValue("border-left-color");
        String failed = markers.get(1).getCssValue("border-left-color");
        String rolledBack = markers.get(2).getCssValue("border-left-color");
        assertThat(succeeded).isNotBlank().isNotEqualTo(failed).isNotEqualTo(rolledBack);
        assertThat(failed).isNotEqualTo(rolledBack);

        // In time order from left to right, inside the plot.
        int left0 = markers.get(0).getLocation().getX();
        int left1 = markers.get(1).getLocation().getX();
        int left2 = markers.get(2).getLocation().getX();
        assertThat(left0).isLessThan(left1);
        assertThat(left1).isLessThan(left2);
    }

    @Test
    void zooming_into_a_range_tells_the_server_the_range_and_a_double_click_zooms_out() {
        SelenideElement plot = plotArea();
        // The plot spans the day, so its middle is noon: drag from about 09:00 to about 13:30.
        int width = plot.getSize().getWidth();
        actions().moveToElement(plot, -width / 8, 0).clickAndHold()
                .moveByOffset(width * 3 / 16, 0).release().perform();

        SelenideElement range = $("#selected-range").shouldHave(matchText("^\\S+ / \\S+$"));
        String[] fromTo = range.getText().split(" / ");
        Instant from = Instant.parse(fromTo[0]);
        Instant to = Instant.parse(fromTo[1]);
        assertThat(from).isAfter(TimeSeriesChartSampleView.START).isBefore(to);
        assertThat(to).isBefore(TimeSeriesChartSampleView.END);
        // Only the deployment at 12:00 is still in view; those at 06:00 and 18:00 are outside.
        $$(shadowCss(".marker.outside", CHART)).shouldHave(size(2));

        actions().doubleClick(plot).perform();

        range.shouldHave(exactText("all"));
        $$(shadowCss(".marker.outside", CHART)).shouldHave(size(0));
    }

    @Test
    void says_so_instead_of_drawing_when_there_are_no_points() {
        $(shadowCss(".empty", "#empty-chart")).shouldHave(exactText(TimeSeriesChartSampleView.EMPTY_TEXT));
        $$(shadowCss("canvas", "#empty-chart")).shouldHave(size(0));
        $(shadowCss(".title", "#empty-chart")).shouldHave(exactText("Change failure rate"));
    }

    private static SelenideElement plotArea() {
        return $(shadowCss(".u-over", CHART)).shouldBe(visible);
    }
}
