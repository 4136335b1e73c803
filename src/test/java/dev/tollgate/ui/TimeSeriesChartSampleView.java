package dev.tollgate.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import dev.tollgate.ui.TimeSeriesChart.DeploymentMarker;
import dev.tollgate.ui.TimeSeriesChart.DeploymentOutcome;
import dev.tollgate.ui.TimeSeriesChart.Point;
import dev.tollgate.ui.TimeSeriesChart.Series;

/**
 * A route that exists only in tests (it is compiled into test-classes, so the production bundle
 * never sees it): two charts, one with a day of latency and three deployments, one with nothing,
 * and the range the user last zoomed into.
 */
@Route(value = "test/time-series-chart", autoLayout = false)
@AnonymousAllowed
class TimeSeriesChartSampleView extends VerticalLayout {

    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    static final Instant END = START.plus(Duration.ofHours(24));
    static final String EMPTY_TEXT = "No deployments in this period.";

    TimeSeriesChartSampleView() {
        setSizeFull();

        TimeSeriesChart latency = new TimeSeriesChart("Checkout latency", "ms");
        latency.setId("latency-chart");
        latency.setHeight("360px");
        latency.setSeries(List.of(series("p50", 40, 8), series("p99", 180, 60)));
        latency.setMarkers(List.of(
                new DeploymentMarker(START.plus(Duration.ofHours(6)), "checkout 1.4.0 to prod", DeploymentOutcome.SUCCEEDED),
                new DeploymentMarker(START.plus(Duration.ofHours(12)), "checkout 1.5.0 to prod", DeploymentOutcome.FAILED),
                new DeploymentMarker(START.plus(Duration.ofHours(18)), "checkout 1.5.1 to prod", DeploymentOutcome.ROLLED_BACK)));

        Span selectedRange = new Span("none");
        selectedRange.setId("selected-range");
        latency.addRangeSelectedListener(e -> selectedRange.setText(e.from() + " / " + e.to()));
        latency.addRangeResetListener(e -> selectedRange.setText("all"));

        TimeSeriesChart empty = new TimeSeriesChart("Change failure rate", "%");
        empty.setId("empty-chart");
        empty.setHeight("200px");
        empty.setEmptyText(EMPTY_TEXT);

        add(latency, selectedRange, empty);
    }

    /** A value every 20 minutes for a day, waving around {@code base}; the same every time. */
    private static Series series(String name, double base, double amplitude) {
        List<Point> points = new ArrayList<>();
        for (Instant t = START; !t.isAfter(END); t = t.plus(Duration.ofMinutes(20))) {
            double hours = Duration.between(START, t).toMinutes() / 60.0;
            points.add(new Point(t, Math.round((base + amplitude * Math.sin(hours / 3)) * 10) / 10.0));
        }
        return new Series(name, points);
    }
}
