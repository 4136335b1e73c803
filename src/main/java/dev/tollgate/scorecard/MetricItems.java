package dev.tollgate.scorecard;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.tollgate.catalog.MetricDefinition;
import dev.tollgate.metrics.MetricAggregate;
import dev.tollgate.metrics.MetricSelector;
import dev.tollgate.metrics.MetricStore;

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
        MetricAggregate now = store.aggregate(selector, definition.aggregation(), period.from(), period.to());
        ScorecardPeriod before = period.previous();
        MetricAggregate then = store.aggregate(selector, definition.aggregation(), before.from(), before.to());
        if (!always && now.count() == 0 && then.count() == 0) {
            return Optional.empty();
        }
        List<double[]> series = now.count() == 0 ? List.of()
                : store.series(selector, definition.aggregation(), period.from(), period.to(), period.step()).stream()
                        .map(point -> new double[] { point.bucket().toEpochMilli(), point.value() })
                        .toList();
        return Optional.of(new ScorecardItem(definition.id(), null, title(definition), definition.unit(), now.value(),
                then.value(), Judgement.deltaPct(now.value(), then.value()), definition.target(),
                definition.better().name(),
                Judgement.metric(now.value(), then.value(), definition.target(), definition.better()), series, null,
                null, null));
    }

    private static String title(MetricDefinition definition) {
        return definition.description() != null ? definition.description() : definition.id();
    }
}
