package dev.tollgate.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.tollgate.rules.Backtest;
import dev.tollgate.rules.Effect;

/**
 * What a rule's backtest looks like on a {@link TimeSeriesChart}: the figure it observed at each
 * step, its threshold where the kind has one, and a marker at every step at which it would have
 * stopped the promotion; with the summary a team reads before it enforces the rule.
 */
final class BacktestChart {

    static final String OBSERVED = "observed";
    static final String THRESHOLD = "threshold";
    static final String STOPPED = "would stop (1 = yes)";

    private BacktestChart() {
    }

    /**
     * The observed figures and the threshold, each only if some step had one, and the stops as 1
     * and 0 at every step: that series spans the whole window, so that the plot does too (the
     * chart scales to its points), and the markers of stops at steps without figures are seen.
     */
    static List<TimeSeriesChart.Series> series(Backtest backtest) {
        List<TimeSeriesChart.Point> observed = new ArrayList<>();
        List<TimeSeriesChart.Point> threshold = new ArrayList<>();
        List<TimeSeriesChart.Point> stopped = new ArrayList<>();
        for (Backtest.Step step : backtest.steps()) {
            if (step.observed() != null && Double.isFinite(step.observed())) {
                observed.add(new TimeSeriesChart.Point(step.at(), step.observed()));
            }
            if (step.threshold() != null && Double.isFinite(step.threshold())) {
                threshold.add(new TimeSeriesChart.Point(step.at(), step.threshold()));
            }
            stopped.add(new TimeSeriesChart.Point(step.at(), stops(step) ? 1 : 0));
        }
        List<TimeSeriesChart.Series> series = new ArrayList<>();
        if (!observed.isEmpty()) {
            series.add(new TimeSeriesChart.Series(OBSERVED, observed));
        }
        if (!threshold.isEmpty()) {
            series.add(new TimeSeriesChart.Series(THRESHOLD, threshold));
        }
        series.add(new TimeSeriesChart.Series(STOPPED, stopped));
        return series;
    }

    /** A marker at each step that would have stopped the promotion, red for a stop, amber for a rollback. */
    static List<TimeSeriesChart.DeploymentMarker> stops(Backtest backtest) {
        return backtest.steps().stream().filter(BacktestChart::stops)
                .map(step -> new TimeSeriesChart.DeploymentMarker(step.at(), label(step),
                        step.effect() == Effect.ROLLBACK ? TimeSeriesChart.DeploymentOutcome.ROLLED_BACK
                                : TimeSeriesChart.DeploymentOutcome.FAILED))
                .toList();
    }

    /** "would have stopped 3 of 721 promotions (0.4%)" */
    static String summary(Backtest backtest) {
        return "would have stopped " + backtest.stopped() + " of " + backtest.evaluated() + " promotions ("
                + percent(backtest.stopRate()) + ")";
    }

    /** "PASS 700 · FAIL 3 · WAIT 0 · NO_DATA 18 · ERROR 0", every status listed. */
    static String byStatus(Backtest backtest) {
        return backtest.byStatus().entrySet().stream().map(count -> count.getKey() + " " + count.getValue())
                .collect(Collectors.joining(" · "));
    }

    /** Counted as the service counts it: a step stops when its effect is stronger than waiting. */
    private static boolean stops(Backtest.Step step) {
        return step.effect() == Effect.STOP || step.effect() == Effect.ROLLBACK;
    }

    private static String label(Backtest.Step step) {
        String stop = step.effect() == Effect.ROLLBACK ? "would have rolled back" : "would have stopped";
        return (step.version() == null ? "" : step.version() + " ") + stop + ": " + step.message();
    }

    /** One decimal at most, so that a rare stop does not read as 0%. */
    private static String percent(double rate) {
        return BigDecimal.valueOf(rate * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                + "%";
    }
}
