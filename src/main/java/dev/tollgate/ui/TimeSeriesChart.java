package dev.tollgate.ui;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One or more series over time, with the deployments that happened in between as vertical
 * markers: {@code frontend/components/tollgate-timeseries.ts}, over uPlot. The browser shows the
 * values under the cursor, zooms into a range dragged across the plot and back out on a
 * double-click; a view that wants finer data for a range listens for {@link RangeSelectedEvent}.
 *
 * <p>The whole chart travels as one JSON property, so a change is one round trip however many
 * setters a view calls.
 */
@Tag("tollgate-timeseries")
@NpmPackage(value = "uplot", version = "1.6.32")
@JsModule("./components/tollgate-timeseries.ts")
final class TimeSeriesChart extends Component implements HasSize {

    static final String DEFAULT_EMPTY_TEXT = "No data for this period.";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String title;
    private String unit;
    private List<Series> series = List.of();
    private List<DeploymentMarker> markers = List.of();
    private String emptyText = DEFAULT_EMPTY_TEXT;

    /** A chart of nothing yet; it says {@link #DEFAULT_EMPTY_TEXT} until it has points. */
    TimeSeriesChart(String title, String unit) {
        this.title = Objects.requireNonNull(title, "title");
        this.unit = Objects.requireNonNull(unit, "unit");
        send();
    }

    void setTitle(String title) {
        this.title = Objects.requireNonNull(title, "title");
        send();
    }

    void setUnit(String unit) {
        this.unit = Objects.requireNonNull(unit, "unit");
        send();
    }

    void setSeries(List<Series> series) {
        this.series = List.copyOf(series);
        send();
    }

    void setMarkers(List<DeploymentMarker> markers) {
        this.markers = List.copyOf(markers);
        send();
    }

    /** What the chart says instead of a plot when no series has a point. */
    void setEmptyText(String emptyText) {
        this.emptyText = Objects.requireNonNull(emptyText, "emptyText");
        send();
    }

    List<Series> getSeries() {
        return series;
    }

    List<DeploymentMarker> getMarkers() {
        return markers;
    }

    Registration addRangeSelectedListener(ComponentEventListener<RangeSelectedEvent> listener) {
        return addListener(RangeSelectedEvent.class, listener);
    }

    Registration addRangeResetListener(ComponentEventListener<RangeResetEvent> listener) {
        return addListener(RangeResetEvent.class, listener);
    }

    private void send() {
        getElement().setPropertyJson("chart", toJson());
    }

    /** The shape {@code TimeSeriesChartModel} in the TypeScript component expects. */
    ObjectNode toJson() {
        ObjectNode chart = JSON.createObjectNode();
        chart.put("title", title);
        chart.put("unit", unit);
        chart.put("emptyText", emptyText);
        ArrayNode seriesArray = chart.putArray("series");
        for (Series s : series) {
            ObjectNode seriesNode = seriesArray.addObject();
            seriesNode.put("name", s.name());
            ArrayNode points = seriesNode.putArray("points");
            for (Point point : s.points()) {
                points.addArray().add(point.time().toEpochMilli()).add(point.value());
            }
        }
        ArrayNode markerArray = chart.putArray("markers");
        for (DeploymentMarker marker : markers) {
            markerArray.addObject()
                    .put("time", marker.time().toEpochMilli())
                    .put("label", marker.label())
                    .put("kind", marker.outcome().name());
        }
        return chart;
    }

    /** A measured value at a moment. JSON has no NaN or infinity, so neither is accepted. */
    record Point(Instant time, double value) {
        Point {
            Objects.requireNonNull(time, "time");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("A point's value must be a finite number, not " + value);
            }
        }
    }

    /** A named line; its points may come in any order and need not share times with other series. */
    record Series(String name, List<Point> points) {
        Series {
            Objects.requireNonNull(name, "name");
            points = List.copyOf(points);
        }
    }

    /** How a deployment ended; the marker is green, red or amber accordingly. */
    enum DeploymentOutcome {
        SUCCEEDED, FAILED, ROLLED_BACK
    }

    /** A deployment at a moment, drawn as a vertical line; the label is its tooltip. */
    record DeploymentMarker(Instant time, String label, DeploymentOutcome outcome) {
        DeploymentMarker {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** The user dragged across the plot: it now shows only {@code from} to {@code to}. */
    @DomEvent("range-selected")
    public static final class RangeSelectedEvent extends ComponentEvent<TimeSeriesChart> {

        private final Instant from;
        private final Instant to;

        public RangeSelectedEvent(TimeSeriesChart source, boolean fromClient,
                @EventData("event.detail.from") double from, @EventData("event.detail.to") double to) {
            super(source, fromClient);
            this.from = Instant.ofEpochMilli((long) from);
            this.to = Instant.ofEpochMilli((long) to);
        }

        public Instant from() {
            return from;
        }

        public Instant to() {
            return to;
        }
    }

    /** The user double-clicked the plot: it shows all its points again. */
    @DomEvent("range-reset")
    public static final class RangeResetEvent extends ComponentEvent<TimeSeriesChart> {

        public RangeResetEvent(TimeSeriesChart source, boolean fromClient) {
            super(source, fromClient);
        }
    }
}
