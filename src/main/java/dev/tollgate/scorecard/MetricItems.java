package dev.tollgate.scorecard;

import java.util.List;
import java.util.Optional;
import java.util.stream.DoubleStream;

import org.springframework.stereotype.Component;

import dev.tollgate.catalog.Aggregation;
import dev.tollgate.catalog.MetricDefinition;
import dev.tollgate.metrics.MetricAggregate;
import dev.tollgate.metrics.MetricSelector;
import dev.tollgate.metrics.MetricStore;
import dev.tollgate.metrics.SeriesPoint;

/** A metric's scorecard item: its figure over the period and the one before, and its sparkline. */
@Component
class MetricItems {

    private final MetricStore store;

    MetricItems(MetricStore store) {
        this.store = store;
    }

    /**
     * The item, or nothing when the metric has no data in either period and {@code always} is
     * false: a business metric of another team has no place on this one's card.
     */
    Optional<ScorecardItem> of(MetricDefinition definition, MetricSelector selector, ScorecardPeriod period,
            boolean always) {
        Aggregation aggregation = definition.aggregation();
        List<SeriesPoint> points = store.series(selector, aggregation, period.from(), period.to(), period.step());
        Double value = points.isEmpty() ? null : fromBuckets(aggregation, points)
                .orElseGet(() -> store.aggregate(selector, aggregation, period.from(), period.to()).value());
        ScorecardPeriod before = period.previous();
        MetricAggregate then = store.aggregate(selector, aggregation, before.from(), before.to());
        if (!always && value == null && then.count() == 0) {
            return Optional.empty();
        }
        List<double[]> series = points.stream().map(point -> new double[] { point.bucket().toEpochMilli(), point.value() })
                .toList();
        return Optional.of(new ScorecardItem(definition.id(), null, title(definition), definition.unit(), value,
                then.value(), Judgement.deltaPct(value, then.value()), definition.target(), definition.better().name(),
                Judgement.metric(value, then.value(), definition.target(), definition.better()), series, null, null,
                null));
    }

    /**
     * The figure of the whole period from its sparkline's buckets, where they hold it exactly (a
     * bucket the period cuts holds only the period's part): a sum is the sum of the buckets' sums,
     * and so on. An average or a percentile is not, and is asked of the store.
     */
    static Optional<Double> fromBuckets(Aggregation aggregation, List<SeriesPoint> points) {
        DoubleStream values = points.stream().mapToDouble(SeriesPoint::value);
        return switch (aggregation) {
            case SUM, COUNT -> Optional.of(values.sum());
            case MIN -> Optional.of(values.min().orElseThrow());
            case MAX -> Optional.of(values.max().orElseThrow());
            case LAST -> Optional.of(points.getLast().value());
            default -> Optional.empty();
        };
    }

    private static String title(MetricDefinition definition) {
        return definition.description() != null ? definition.description() : definition.id();
    }
}
