package dev.tollgate.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import dev.tollgate.catalog.Aggregation;
import dev.tollgate.catalog.Better;
import dev.tollgate.catalog.MetricCatalog;
import dev.tollgate.catalog.MetricCategory;
import dev.tollgate.catalog.MetricDefinitionDraft;
import dev.tollgate.metrics.MetricPoint;
import dev.tollgate.metrics.MetricStore;

/**
 * Thirty days of minute data for every demo service, so that a first start shows charts with a
 * past: operational metrics per stage (production at full traffic, earlier stages a fraction of
 * it, sampled every ten minutes), a few incidents, and team-level business and enablement
 * figures that grow.
 */
@Component
@ConditionalOnBooleanProperty("tollgate.demo.enabled")
class DemoMetrics {

    static final Duration HISTORY = Duration.ofDays(30);
    private static final int BATCH = 50_000;
    private static final int PRODUCTION_LATENCY_SAMPLES = 3;
    private static final Logger log = LoggerFactory.getLogger(DemoMetrics.class);

    /** A team's business figures: the metric, its definition, its start and its daily growth. */
    record BusinessFigure(String metric, String unit, Better better, Aggregation aggregation, double start,
            double dailyGrowth, Double target, String description) {
    }

    static final Map<String, List<BusinessFigure>> BUSINESS = Map.of(
            "payments", List.of(new BusinessFigure("payment_volume_eur", "EUR", Better.HIGHER, Aggregation.SUM, 42_000, 0.004,
                    null, "Money taken per hour"),
                    new BusinessFigure("payment_success_pct", "percent", Better.HIGHER, Aggregation.AVG, 97.2, 0.0001, 98.0,
                            "Share of payment attempts that succeed")),
            "checkout", List.of(new BusinessFigure("orders", "count", Better.HIGHER, Aggregation.SUM, 820, 0.005, null,
                    "Orders placed per hour"),
                    new BusinessFigure("conversion_pct", "percent", Better.HIGHER, Aggregation.AVG, 3.1, 0.002, 3.5,
                            "Visits that end in an order")),
            "catalog", List.of(new BusinessFigure("products_listed", "count", Better.HIGHER, Aggregation.LAST, 182_000, 0.003,
                    null, "Products customers can find")),
            "search", List.of(new BusinessFigure("searches", "count", Better.HIGHER, Aggregation.SUM, 15_500, 0.006, null,
                    "Searches per hour"),
                    new BusinessFigure("search_ctr_pct", "percent", Better.HIGHER, Aggregation.AVG, 31.0, 0.001, 35.0,
                            "Searches followed by a click on a result")),
            "identity", List.of(new BusinessFigure("signups", "count", Better.HIGHER, Aggregation.SUM, 95, 0.008, null,
                    "New accounts per hour"),
                    new BusinessFigure("active_users", "count", Better.HIGHER, Aggregation.LAST, 410_000, 0.004, null,
                            "Accounts active in the last 30 days")),
            "fulfilment", List.of(new BusinessFigure("orders_shipped", "count", Better.HIGHER, Aggregation.SUM, 780, 0.005,
                    null, "Orders handed to carriers per hour"),
                    new BusinessFigure("on_time_delivery_pct", "percent", Better.HIGHER, Aggregation.AVG, 93.5, 0.0005, 95.0,
                            "Deliveries on or before the promised day")));

    private final MetricStore store;
    private final MetricCatalog metrics;
    private final Clock clock;

    DemoMetrics(MetricStore store, MetricCatalog metrics, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Writes the history, with the jumps the bad versions made in their stages; answers how many points. */
    long seed(List<DemoCatalog.DemoTeam> teams, List<DemoDeployments.BadVersion> badVersions) {
        long started = System.nanoTime();
        Instant end = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant start = end.minus(HISTORY);
        Batches batches = new Batches();
        defineBusinessMetrics();
        // Minute by minute across all services: the store rolls up by hour, and history written in
        // time order fills each hour's row once instead of reading it back for every service.
        List<Feed> feeds = new ArrayList<>();
        long seed = 17;
        for (DemoCatalog.DemoTeam team : teams) {
            for (DemoCatalog.DemoService service : team.services()) {
                SplittableRandom shape = new SplittableRandom(seed++);
                double peak = 400 + shape.nextInt(2_600);
                double errorRate = 0.001 + shape.nextDouble() * 0.004;
                double latency = 30 + shape.nextInt(170);
                List<String> stages = service.stages();
                for (int s = 0; s < stages.size(); s++) {
                    boolean production = s == stages.size() - 1;
                    double share = production ? 1.0 : 0.05 * (s + 1);
                    List<DemoTraffic.Incident> incidents = new ArrayList<>(production ? incidents(shape, start) : List.of());
                    String stage = stages.get(s);
                    badVersions.stream().filter(bad -> bad.service().equals(service.id()) && bad.stage().equals(stage))
                            .forEach(bad -> incidents.add(bad.incident()));
                    feeds.add(new Feed(team.id(), service.id(), stage,
                            new DemoTraffic(peak * share, errorRate, latency, incidents, seed++), production ? 1 : 10,
                            production ? PRODUCTION_LATENCY_SAMPLES : 1));
                }
            }
        }
        long minutes = HISTORY.toMinutes();
        for (long index = 0; index < minutes; index++) {
            Instant minute = start.plusSeconds(60 * index);
            for (Feed feed : feeds) {
                if (index % feed.everyMinutes() == 0) {
                    feed.write(minute, batches);
                }
            }
        }
        for (DemoCatalog.DemoTeam team : teams) {
            teamFigures(team.id(), start, end, new SplittableRandom(seed++), batches);
        }
        batches.flush();
        log.info("Seeded {} demo points over the last {} days in {} ms", batches.written, HISTORY.toDays(),
                (System.nanoTime() - started) / 1_000_000);
        return batches.written;
    }

    private void defineBusinessMetrics() {
        BUSINESS.values().stream().flatMap(List::stream).forEach(figure -> metrics.put(figure.metric(),
                new MetricDefinitionDraft(MetricCategory.BUSINESS, figure.unit(), figure.better(), figure.aggregation(),
                        figure.target(), figure.description())));
    }

    /** Two or three incidents in production over the month, between a quarter and an hour and a half. */
    private static List<DemoTraffic.Incident> incidents(SplittableRandom random, Instant start) {
        List<DemoTraffic.Incident> incidents = new ArrayList<>();
        int count = 2 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            Instant at = start.plus(Duration.ofMinutes(random.nextLong(HISTORY.toMinutes() - 120)));
            incidents.add(new DemoTraffic.Incident(at, 15 + random.nextInt(75), 0.03 + random.nextDouble() * 0.12,
                    2 + random.nextDouble() * 3));
        }
        return incidents;
    }

    /**
     * Hourly business figures that grow day by day; training shares. The principal reviews are
     * {@link DemoReviews}' to write: each review recorded counts one.
     */
    private static void teamFigures(String team, Instant start, Instant end, SplittableRandom random, Batches batches) {
        for (BusinessFigure figure : BUSINESS.getOrDefault(team, List.of())) {
            for (Instant hour = start.truncatedTo(ChronoUnit.HOURS); hour.isBefore(end); hour = hour.plusSeconds(3600)) {
                double days = Duration.between(start, hour).toHours() / 24.0;
                double value = figure.start() * Math.pow(1 + figure.dailyGrowth(), days) * (0.95 + 0.1 * random.nextDouble());
                batches.add(new MetricPoint(figure.metric(), team, null, null, hour, Math.round(value * 100) / 100.0, Map.of()));
            }
        }
        double security = 70 + random.nextInt(20);
        double ops = 60 + random.nextInt(25);
        for (Instant day = start.truncatedTo(ChronoUnit.DAYS); day.isBefore(end); day = day.plus(Duration.ofDays(1))) {
            security = Math.min(100, security + random.nextDouble() * 0.8);
            ops = Math.min(100, ops + random.nextDouble() * 0.8);
            batches.add(new MetricPoint("security_training_pct", team, null, null, day, Math.round(security * 10) / 10.0, Map.of()));
            batches.add(new MetricPoint("ops_training_pct", team, null, null, day, Math.round(ops * 10) / 10.0, Map.of()));
        }
    }

    /** One stage of one service: its traffic, sampled every {@code everyMinutes}. */
    private record Feed(String team, String service, String stage, DemoTraffic traffic, int everyMinutes,
            int latencySamples) {

        void write(Instant minute, Batches batches) {
            DemoTraffic.Minute m = traffic.minute(minute, latencySamples);
            batches.add(point("requests", team, service, stage, minute, m.requests()));
            batches.add(point("errors", team, service, stage, minute, m.errors()));
            batches.add(point("throttles", team, service, stage, minute, m.throttles()));
            batches.add(point("availability", team, service, stage, minute, m.availability()));
            for (int i = 0; i < m.latencies().length; i++) {
                batches.add(point("latency_ms", team, service, stage, minute.plusSeconds(i * 15L), m.latencies()[i]));
            }
        }
    }

    private static MetricPoint point(String metric, String team, String service, String stage, Instant time, double value) {
        return new MetricPoint(metric, team, service, stage, time, value, Map.of());
    }

    /** Writes points in large batches: rows per commit, not bytes, are what a store pays for. */
    private final class Batches {

        private List<MetricPoint> pending = new ArrayList<>(BATCH);
        private long written;

        void add(MetricPoint point) {
            pending.add(point);
            if (pending.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                store.write(pending);
                written += pending.size();
                pending = new ArrayList<>(BATCH);
            }
        }
    }
}
