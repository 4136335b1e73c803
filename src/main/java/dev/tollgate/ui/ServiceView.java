package dev.tollgate.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import dev.tollgate.api.NotFoundException;
import dev.tollgate.catalog.Aggregation;
import dev.tollgate.catalog.MetricCatalog;
import dev.tollgate.catalog.MetricDefinition;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.ServiceDefinition;
import dev.tollgate.metrics.MetricQueries;
import dev.tollgate.metrics.MetricSelector;
import dev.tollgate.metrics.SeriesPoint;
import dev.tollgate.scorecard.Scorecards;

import jakarta.annotation.security.PermitAll;

/**
 * One service: per stage, the version it runs and the gate's latest verdict into it; its scorecard
 * in brief (DORA and operational figures of the week, linking to its team's); its charts
 * per stage (requests, errors and throttles, latency p50 and p99, availability, and any other
 * metric picked), over a period, with its deployments marked on the time axis. Dragging over a
 * chart zooms every chart into that range with finer buckets.
 */
@Route("services/:service")
@PermitAll
class ServiceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** About this many buckets per chart: fine enough to see an incident, small enough to send. */
    private static final int BUCKETS = 360;
    private static final String ALL_STAGES = "All stages";

    enum Period {
        SIX_HOURS("Last 6 hours", Duration.ofHours(6)), DAY("Last 24 hours", Duration.ofDays(1)),
        WEEK("Last 7 days", Duration.ofDays(7)), MONTH("Last 30 days", Duration.ofDays(30));

        final String label;
        final Duration length;

        Period(String label, Duration length) {
            this.label = label;
            this.length = length;
        }
    }

    private final ServiceCatalog services;
    private final MetricCatalog metrics;
    private final MetricQueries queries;
    private final ServiceDeploymentMarkers markers;
    private final StageStatuses stageStatuses;
    private final Scorecards scorecards;
    private final Clock clock;
    private final Div charts = new Div();
    private final Select<Period> period = new Select<>();
    private final ComboBox<String> extraMetric = new ComboBox<>();
    private final Tabs stageTabs = new Tabs();
    private ServiceDefinition service;
    private Instant zoomFrom;
    private Instant zoomTo;

    ServiceView(ServiceCatalog services, MetricCatalog metrics, MetricQueries queries, ServiceDeploymentMarkers markers,
            StageStatuses stageStatuses, Scorecards scorecards, Clock clock) {
        this.services = services;
        this.metrics = metrics;
        this.queries = queries;
        this.markers = markers;
        this.stageStatuses = stageStatuses;
        this.scorecards = scorecards;
        this.clock = clock;
        addClassName("service-view");
        charts.addClassName("service-charts");
        period.setId("period");
        period.setAriaLabel("Period");
        period.setItems(Period.values());
        period.setItemLabelGenerator(p -> p.label);
        period.setValue(Period.DAY);
        period.addValueChangeListener(e -> {
            zoomFrom = null;
            zoomTo = null;
            render();
        });
        extraMetric.setId("extra-metric");
        extraMetric.setPlaceholder("Another metric");
        extraMetric.setAriaLabel("Chart another metric of this service");
        extraMetric.setAllowCustomValue(true);
        extraMetric.setClearButtonVisible(true);
        extraMetric.addCustomValueSetListener(e -> extraMetric.setValue(e.getDetail()));
        extraMetric.addValueChangeListener(e -> render());
        stageTabs.setId("stages");
        stageTabs.addSelectedChangeListener(e -> render());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("service").orElse("");
        try {
            service = services.get(id);
        } catch (NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, e.getMessage());
            return;
        }
        removeAll();
        List<String> definitions = metrics.list().stream().map(MetricDefinition::id).toList();
        extraMetric.setItems(definitions);
        stageTabs.removeAll();
        stageTabs.add(new Tab(ALL_STAGES));
        service.stages().forEach(stage -> stageTabs.add(new Tab(stage)));
        if (service.stages().size() > 0) {
            stageTabs.setSelectedIndex(service.stages().size());
        }
        Div owner = new Div();
        owner.setId("service-owner");
        if (service.team() == null) {
            owner.add(new Span("Owned by no team yet"));
        } else {
            RouterLink team = new RouterLink("team " + service.team(), TeamScorecardView.class,
                    new RouteParameters("team", service.team()));
            team.setId("service-team-link");
            owner.add(new Span("Owned by "), team);
        }
        add(new ViewToolbar(service.name(), StagePath.display(service.stages()), extraMetric, period), owner,
                new StageStrip(stageStatuses.of(service)));
        // A scorecard holds its team's goals and enablement: a service no team owns has none to read.
        if (service.team() != null) {
            add(new ServiceScorecardSummary(scorecards.service(service.id(), OfferedPeriod.WEEK.length, clock.instant()),
                    OfferedPeriod.WEEK));
        }
        add(stageTabs, charts);
        render();
    }

    @Override
    public String getPageTitle() {
        return (service == null ? "Service" : service.name()) + " · Tollgate";
    }

    private void render() {
        if (service == null) {
            return;
        }
        Instant to = zoomTo != null ? zoomTo : clock.instant();
        Instant from = zoomFrom != null ? zoomFrom : to.minus(period.getValue().length);
        Duration step = stepFor(Duration.between(from, to));
        String stage = selectedStage();
        List<TimeSeriesChart.DeploymentMarker> deployments = markers.between(service.id(), stage, from, to);
        charts.removeAll();
        chart("Requests", "per bucket", deployments, from, to, step, series("requests", "requests", Aggregation.SUM, stage, from, to, step));
        chart("Errors and throttles", "per bucket", deployments, from, to, step,
                series("errors", "errors", Aggregation.SUM, stage, from, to, step),
                series("throttles", "throttles", Aggregation.SUM, stage, from, to, step));
        chart("Latency", "ms", deployments, from, to, step,
                series("p50", "latency_ms", Aggregation.P50, stage, from, to, step),
                series("p99", "latency_ms", Aggregation.P99, stage, from, to, step));
        chart("Availability", "%", deployments, from, to, step,
                series("availability", "availability", Aggregation.AVG, stage, from, to, step));
        String extra = extraMetric.getValue();
        if (extra != null && !extra.isBlank() && dev.tollgate.api.MetricKey.isValid(extra)) {
            Aggregation aggregation = queries.orDefault(MetricSelector.ofService(extra, service.id(), stage), null);
            chart(extra, aggregation.wireName(), deployments, from, to, step,
                    series(extra, extra, aggregation, stage, from, to, step));
        }
    }

    private void chart(String title, String unit, List<TimeSeriesChart.DeploymentMarker> deployments, Instant from,
            Instant to, Duration step, TimeSeriesChart.Series... series) {
        TimeSeriesChart chart = new TimeSeriesChart(title, unit);
        chart.addClassName("service-chart");
        chart.setEmptyText("No " + title.toLowerCase() + " in this period");
        chart.setSeries(List.of(series));
        chart.setMarkers(deployments);
        chart.addRangeSelectedListener(e -> {
            // Zooming finer than the bucket would show nothing new.
            if (Duration.between(e.from(), e.to()).compareTo(Duration.ofMinutes(5)) >= 0) {
                zoomFrom = e.from();
                zoomTo = e.to();
                render();
            }
        });
        chart.addRangeResetListener(e -> {
            zoomFrom = null;
            zoomTo = null;
            render();
        });
        charts.add(chart);
    }

    private TimeSeriesChart.Series series(String name, String metric, Aggregation aggregation, String stage,
            Instant from, Instant to, Duration step) {
        List<TimeSeriesChart.Point> points = new ArrayList<>();
        for (SeriesPoint point : queries.series(MetricSelector.ofService(metric, service.id(), stage), aggregation,
                from, to, step)) {
            points.add(new TimeSeriesChart.Point(point.bucket(), point.value()));
        }
        return new TimeSeriesChart.Series(name, points);
    }

    private String selectedStage() {
        Tab selected = stageTabs.getSelectedTab();
        return selected == null || selected.getLabel().equals(ALL_STAGES) ? null : selected.getLabel();
    }

    /** Whole minutes, so that about {@link #BUCKETS} buckets cover the window. */
    static Duration stepFor(Duration window) {
        long minutes = Math.max(1, (long) Math.ceil(window.toSeconds() / 60.0 / BUCKETS));
        return Duration.ofMinutes(minutes);
    }
}
