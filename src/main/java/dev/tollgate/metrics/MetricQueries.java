package dev.tollgate.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import dev.tollgate.api.NotFoundException;
import dev.tollgate.catalog.Aggregation;
import dev.tollgate.catalog.MetricCatalog;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.ServiceDefinition;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;

/**
 * Reads for callers (scripts, dashboards, the UI): the caller's right to read the service or
 * team is checked, and an aggregation left out is the metric definition's own.
 */
@Service
public class MetricQueries {

    /** A series answers at most this many buckets: enough for a chart, small enough to send. */
    public static final int MAX_BUCKETS = 10_000;
    public static final Duration MIN_STEP = Duration.ofMinutes(1);

    private final MetricStore store;
    private final ServiceCatalog services;
    private final MetricCatalog metrics;
    private final CurrentCaller callers;

    MetricQueries(MetricStore store, ServiceCatalog services, MetricCatalog metrics, CurrentCaller callers) {
        this.store = store;
        this.services = services;
        this.metrics = metrics;
        this.callers = callers;
    }

    public MetricAggregate aggregate(MetricSelector selector, Aggregation aggregation, Instant from, Instant to) {
        authorize(selector);
        return store.aggregate(selector, orDefault(selector, aggregation), from, to);
    }

    public List<SeriesPoint> series(MetricSelector selector, Aggregation aggregation, Instant from, Instant to,
            Duration step) {
        authorize(selector);
        return store.series(selector, orDefault(selector, aggregation), from, to, step);
    }

    public Aggregation orDefault(MetricSelector selector, Aggregation aggregation) {
        return aggregation != null ? aggregation : metrics.definitionOf(selector.metric()).aggregation();
    }

    private void authorize(MetricSelector selector) {
        Caller caller = callers.get();
        caller.require(Scope.READ);
        if (selector.team() != null) {
            caller.requireRead(selector.team());
            return;
        }
        ServiceDefinition service = services.find(selector.service())
                .orElseThrow(() -> new NotFoundException("Service", selector.service()));
        if (!caller.readsAnyTeam() && !caller.mayActOn(service.team())) {
            throw new AccessDeniedException("Not allowed to read service '" + selector.service() + "'");
        }
    }
}
