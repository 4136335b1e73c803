package dev.tollgate.scorecard;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import dev.tollgate.catalog.Better;
import dev.tollgate.delivery.DoraFigures;

/**
 * The DORA figures as scorecard items. DORA figures have no metric definitions, so their targets
 * and bands are fixed here (README "DORA figures"), after the DORA reports' performance levels:
 * GOOD at the high performers' level, WATCH at the medium, BAD below.
 */
final class DoraItems {

    /** Sparkline buckets of DORA figures span at least a day: fewer deployments than that say nothing. */
    static final Duration MIN_STEP = Duration.ofDays(1);

    /** One DORA figure: how it is read from {@link DoraFigures} and judged. */
    record Figure(String key, String title, String unit, Better better, double good, double watch,
            Function<DoraFigures, Double> value) {
    }

    static final Figure DEPLOYMENT_FREQUENCY = new Figure("deployment_frequency", "Deployment frequency", "per day",
            Better.HIGHER, 1, 1 / 7.0, DoraFigures::deploymentsPerDay);
    static final Figure LEAD_TIME = new Figure("lead_time_for_changes", "Lead time for changes", "hours", Better.LOWER,
            24, 24 * 7, figures -> hours(figures.leadTimeForChanges()));
    static final Figure CHANGE_FAILURE_RATE = new Figure("change_failure_rate", "Change failure rate", "percent",
            Better.LOWER, 15, 30, DoraFigures::changeFailureRatePct);
    static final Figure TIME_TO_RESTORE = new Figure("time_to_restore", "Failed deployment recovery time", "hours",
            Better.LOWER, 24, 24 * 7, figures -> hours(figures.timeToRestore()));
    static final Figure REWORK_RATE = new Figure("rework_rate", "Rework rate", "percent", Better.LOWER, 10, 20,
            DoraFigures::reworkRatePct);

    /** The step of a period's DORA sparklines: the period's own, but never under {@link #MIN_STEP}. */
    static Duration step(ScorecardPeriod period) {
        return period.step().compareTo(MIN_STEP) < 0 ? MIN_STEP : period.step();
    }

    static DoraScorecard of(DoraFigures now, DoraFigures then, List<DoraFigures> buckets) {
        ScorecardItem restore = item(TIME_TO_RESTORE, now, then, buckets);
        if (now.unrestored() > 0 && (restore.status() == ScorecardStatus.GOOD || restore.status() == ScorecardStatus.NO_DATA)) {
            // A failure still not restored is worth watching, however fast the others were restored.
            restore = new ScorecardItem(restore.metric(), null, restore.title(), restore.unit(), restore.value(),
                    restore.previous(), restore.deltaPct(), restore.target(), restore.better(), ScorecardStatus.WATCH,
                    restore.series(), null, null, null);
        }
        return new DoraScorecard(item(DEPLOYMENT_FREQUENCY, now, then, buckets), item(LEAD_TIME, now, then, buckets),
                item(CHANGE_FAILURE_RATE, now, then, buckets), restore, item(REWORK_RATE, now, then, buckets),
                now.deployments(), now.failures(), now.unrestored());
    }

    private static ScorecardItem item(Figure figure, DoraFigures now, DoraFigures then, List<DoraFigures> buckets) {
        Double value = Judgement.round2(figure.value().apply(now));
        Double previous = Judgement.round2(figure.value().apply(then));
        List<double[]> series = buckets.stream().filter(bucket -> figure.value().apply(bucket) != null)
                .map(bucket -> new double[] { bucket.from().toEpochMilli(), figure.value().apply(bucket) })
                .toList();
        return new ScorecardItem(figure.key(), null, figure.title(), figure.unit(), value, previous,
                Judgement.deltaPct(value, previous), figure.good(), figure.better().name(),
                Judgement.banded(value, figure.good(), figure.watch(), figure.better()), series, null, null, null);
    }

    private static Double hours(Duration duration) {
        return duration == null ? null : duration.toMillis() / 3_600_000.0;
    }
}
