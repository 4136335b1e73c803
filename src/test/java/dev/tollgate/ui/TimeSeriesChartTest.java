package dev.tollgate.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tollgate.ui.TimeSeriesChart.DeploymentMarker;
import dev.tollgate.ui.TimeSeriesChart.DeploymentOutcome;
import dev.tollgate.ui.TimeSeriesChart.Point;
import dev.tollgate.ui.TimeSeriesChart.Series;

import tools.jackson.databind.JsonNode;

class TimeSeriesChartTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void sends_title_unit_series_and_markers_as_one_property_in_the_components_shape() {
        TimeSeriesChart chart = new TimeSeriesChart("Latency", "ms");
        chart.setSeries(List.of(new Series("p99", List.of(new Point(T0, 120.5), new Point(T0.plusSeconds(60), 99)))));
        chart.setMarkers(List.of(new DeploymentMarker(T0.plusSeconds(30), "ledger 2.1.0", DeploymentOutcome.ROLLED_BACK)));

        JsonNode sent = (JsonNode) chart.getElement().getPropertyRaw("chart");

        assertThat(sent.get("title").asString()).isEqualTo("Latency");
        assertThat(sent.get("unit").asString()).isEqualTo("ms");
        assertThat(sent.get("emptyText").asString()).isEqualTo(TimeSeriesChart.DEFAULT_EMPTY_TEXT);
        JsonNode series = sent.get("series").get(0);
        assertThat(series.get("name").asString()).isEqualTo("p99");
        assertThat(series.get("points").get(0).get(0).asLong()).isEqualTo(T0.toEpochMilli());
        assertThat(series.get("points").get(0).get(1).asDouble()).isEqualTo(120.5);
        assertThat(series.get("points").get(1).get(0).asLong()).isEqualTo(T0.toEpochMilli() + 60_000);
        JsonNode marker = sent.get("markers").get(0);
        assertThat(marker.get("time").asLong()).isEqualTo(T0.toEpochMilli() + 30_000);
        assertThat(marker.get("label").asString()).isEqualTo("ledger 2.1.0");
        assertThat(marker.get("kind").asString()).isEqualTo("ROLLED_BACK");
    }

    @Test
    void a_new_chart_has_nothing_to_draw_and_says_its_empty_text() {
        TimeSeriesChart chart = new TimeSeriesChart("Error rate", "%");
        chart.setEmptyText("Nothing measured yet.");

        JsonNode sent = (JsonNode) chart.getElement().getPropertyRaw("chart");

        assertThat(sent.get("series").isEmpty()).isTrue();
        assertThat(sent.get("markers").isEmpty()).isTrue();
        assertThat(sent.get("emptyText").asString()).isEqualTo("Nothing measured yet.");
    }

    @Test
    void refuses_values_that_json_cannot_carry() {
        assertThatThrownBy(() -> new Point(T0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Point(T0, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keeps_its_own_copy_of_the_series_it_was_given() {
        TimeSeriesChart chart = new TimeSeriesChart("Latency", "ms");
        List<Series> series = new java.util.ArrayList<>(List.of(new Series("p50", List.of(new Point(T0, 1)))));
        chart.setSeries(series);
        series.clear();

        assertThat(chart.getSeries()).hasSize(1);
    }
}
