package dev.tollgate.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tollgate.api.ApiDuration;
import dev.tollgate.api.Violations;
import dev.tollgate.catalog.Aggregation;

/** API.md "Queries": one figure over a window, or a bucketed series, of one metric. */
@RestController
@RequestMapping("/api/v1/metrics")
class MetricQueryController {

    /** The longest window a read may cover. */
    static final Duration MAX_WINDOW = Duration.ofDays(400);

    private final MetricQueries queries;
    private final Clock clock;

    MetricQueryController(MetricQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    record AggregateAnswer(String metric, Aggregation aggregation, Instant from, Instant to, Double value, long count) {
    }

    record SeriesAnswer(String metric, Aggregation aggregation, String step, List<double[]> points) {
    }

    @GetMapping("/aggregate")
    AggregateAnswer aggregate(@RequestParam(required = false) String metric, @RequestParam(required = false) String service,
            @RequestParam(required = false) String team, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String aggregation, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Violations violations = new Violations();
        Query query = query(violations, metric, service, team, stage, aggregation, from, to);
        violations.throwIfAny("The query is not valid");
        Aggregation used = queries.orDefault(query.selector(), query.aggregation());
        MetricAggregate result = queries.aggregate(query.selector(), used, query.from(), query.to());
        return new AggregateAnswer(metric, used, query.from(), query.to(), result.value(), result.count());
    }

    @GetMapping("/series")
    SeriesAnswer series(@RequestParam(required = false) String metric, @RequestParam(required = false) String service,
            @RequestParam(required = false) String team, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String aggregation, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String step) {
        Violations violations = new Violations();
        Query query = query(violations, metric, service, team, stage, aggregation, from, to);
        Duration bucket = MetricQueries.MIN_STEP;
        if (step != null) {
            Optional<Duration> parsed = ApiDuration.parse(step);
            if (parsed.isEmpty()) {
                violations.add("step", "must be " + ApiDuration.DESCRIPTION);
            } else if (parsed.get().compareTo(MetricQueries.MIN_STEP) < 0 || parsed.get().toSeconds() % 60 != 0) {
                violations.add("step", "must be whole minutes, at least PT1M");
            } else {
                bucket = parsed.get();
            }
        }
        if (violations.isEmpty() && Duration.between(query.from(), query.to()).dividedBy(bucket) > MetricQueries.MAX_BUCKETS) {
            violations.add("step", "makes more than " + MetricQueries.MAX_BUCKETS + " buckets over this window; take a longer step");
        }
        violations.throwIfAny("The query is not valid");
        Aggregation used = queries.orDefault(query.selector(), query.aggregation());
        List<double[]> points = queries.series(query.selector(), used, query.from(), query.to(), bucket).stream()
                .map(point -> new double[] { point.bucket().toEpochMilli(), point.value() })
                .toList();
        return new SeriesAnswer(metric, used, ApiDuration.format(bucket), points);
    }

    private record Query(MetricSelector selector, Aggregation aggregation, Instant from, Instant to) {
    }

    private Query query(Violations violations, String metric, String service, String team, String stage,
            String aggregation, String from, String to) {
        violations.metricKey("metric", metric);
        if ((service == null) == (team == null)) {
            violations.add(service == null ? "service" : "team", "name exactly one of service or team");
        } else if (service != null) {
            violations.identifier("service", service);
        } else {
            violations.identifier("team", team);
            if (stage != null) {
                violations.add("stage", "a team has no stage; ask for a service");
            }
        }
        if (stage != null) {
            violations.identifier("stage", stage);
        }
        Aggregation parsedAggregation = null;
        if (aggregation != null) {
            try {
                parsedAggregation = Aggregation.valueOf(aggregation.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add("aggregation", "must be one of " + List.of(Aggregation.values()));
            }
        }
        Instant toTime = to == null ? clock.instant() : violations.optionalTime("to", to);
        Instant fromTime = from == null ? (toTime == null ? null : toTime.minus(Duration.ofHours(1))) : violations.optionalTime("from", from);
        if (fromTime != null && toTime != null) {
            if (!fromTime.isBefore(toTime)) {
                violations.add("from", "must be before to");
            } else if (Duration.between(fromTime, toTime).compareTo(MAX_WINDOW) > 0) {
                violations.add("from", "the window may cover at most " + MAX_WINDOW.toDays() + " days");
            }
        }
        if (!violations.isEmpty()) {
            return null;
        }
        MetricSelector selector = service != null ? MetricSelector.ofService(metric, service, stage)
                : MetricSelector.ofTeam(metric, team);
        return new Query(selector, parsedAggregation, fromTime, toTime);
    }
}
