package dev.tollgate.metrics.jdbc;

import java.util.function.Consumer;

import dev.tollgate.metrics.MetricPoint;
import dev.tollgate.metrics.MetricSelector;

/**
 * What a rollup is kept per: one metric of one placement. {@code team}, {@code service} and
 * {@code stage} are null where a point has none; tags are not part of it.
 *
 * <p>Besides the series of its own placement, every point also adds to two totals (built from the
 * own series when they are flushed), so that each read selector finds its stored values in one
 * series instead of merging many: its service's total
 * (all stages and the service-wide points, whichever team owned the service) and its team's
 * total (the team's own points and those of the services it owned). A total has {@link #ALL}
 * where it spans every value; no identifier can be {@code *}.
 */
record SeriesKey(String metric, String team, String service, String stage) {

    static final String ALL = "*";

    /** The series of the point's own placement, as the write-ahead batches name it. */
    static SeriesKey of(MetricPoint point) {
        return new SeriesKey(point.metric(), point.team(), point.service(), point.stage());
    }

    /** The totals the values of this series (a point's own placement) add to: its service's and its team's. */
    void forEachTotal(Consumer<SeriesKey> consumer) {
        if (service != null) {
            consumer.accept(new SeriesKey(metric, ALL, service, ALL));
        }
        if (team != null) {
            consumer.accept(new SeriesKey(metric, team, ALL, ALL));
        }
    }

    /**
     * Whether the values of this series (a point's own placement, not a total) count for a read of
     * {@code selector}: a team's read takes every series of the team, a service's read without a
     * stage every series of the service, a stage's read its own. Of values at the very same time
     * in two series of one total, which is the total's last is not defined.
     */
    boolean feeds(MetricSelector selector) {
        if (!metric.equals(selector.metric())) {
            return false;
        }
        if (selector.team() != null) {
            return selector.team().equals(team);
        }
        if (selector.stage() == null) {
            return selector.service().equals(service);
        }
        return selector.service().equals(service) && selector.stage().equals(stage);
    }

    /**
     * Whether a read of {@code selector} takes this series: a team its total, a service without a
     * stage its total, a stage the series of that stage (one per team that owned the service).
     */
    boolean matches(MetricSelector selector) {
        if (!metric.equals(selector.metric())) {
            return false;
        }
        if (selector.team() != null) {
            return selector.team().equals(team) && ALL.equals(service);
        }
        if (selector.stage() == null) {
            return selector.service().equals(service) && ALL.equals(team);
        }
        return selector.service().equals(service) && selector.stage().equals(stage);
    }
}
