package dev.tollgate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tollgate.rules.Backtest;
import dev.tollgate.rules.Effect;
import dev.tollgate.rules.RuleStatus;
import dev.tollgate.ui.TimeSeriesChart.DeploymentMarker;
import dev.tollgate.ui.TimeSeriesChart.DeploymentOutcome;
import dev.tollgate.ui.TimeSeriesChart.Point;

/** A backtest as the rule editor draws and sums it up. */
class BacktestChartTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private static Instant hour(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    private static Backtest backtest(Backtest.Step... steps) {
        Map<RuleStatus, Integer> byStatus = new EnumMap<>(RuleStatus.class);
        for (RuleStatus status : RuleStatus.values()) {
            byStatus.put(status, 0);
        }
        int stopped = 0;
        for (Backtest.Step step : steps) {
            byStatus.merge(step.status(), 1, Integer::sum);
            stopped += step.effect() == Effect.STOP || step.effect() == Effect.ROLLBACK ? 1 : 0;
        }
        return new Backtest("ledger", "prod", "gamma", T0, hour(steps.length - 1), "PT1H", List.of(steps),
                steps.length, stopped, (double) stopped / steps.length, byStatus);
    }

    private static final Backtest THRESHOLD = backtest(
            new Backtest.Step(hour(0), null, RuleStatus.PASS, Effect.NONE, 3.0, 10.0, "errors is 3, not above 10"),
            new Backtest.Step(hour(1), null, RuleStatus.FAIL, Effect.STOP, 14.0, 10.0, "errors is 14, above 10"),
            new Backtest.Step(hour(2), null, RuleStatus.NO_DATA, Effect.STOP, null, null, "no errors in gamma"),
            new Backtest.Step(hour(3), null, RuleStatus.FAIL, Effect.ROLLBACK, 20.0, 12.0, "errors is 20, above 12"));

    @Test
    void draws_the_observed_figures_and_the_threshold_at_the_steps_that_had_them_and_the_stops_at_every_step() {
        List<TimeSeriesChart.Series> series = BacktestChart.series(THRESHOLD);

        assertThat(series).extracting(TimeSeriesChart.Series::name)
                .containsExactly(BacktestChart.OBSERVED, BacktestChart.THRESHOLD, BacktestChart.STOPPED);
        assertThat(series.get(0).points()).containsExactly(new Point(hour(0), 3), new Point(hour(1), 14),
                new Point(hour(3), 20));
        assertThat(series.get(1).points()).containsExactly(new Point(hour(0), 10), new Point(hour(1), 10),
                new Point(hour(3), 12));
        assertThat(series.get(2).points()).containsExactly(new Point(hour(0), 0), new Point(hour(1), 1),
                new Point(hour(2), 1), new Point(hour(3), 1));
    }

    @Test
    void marks_every_step_that_would_have_stopped_the_promotion_a_rollback_apart_from_a_stop() {
        assertThat(BacktestChart.stops(THRESHOLD)).containsExactly(
                new DeploymentMarker(hour(1), "would have stopped: errors is 14, above 10", DeploymentOutcome.FAILED),
                new DeploymentMarker(hour(2), "would have stopped: no errors in gamma", DeploymentOutcome.FAILED),
                new DeploymentMarker(hour(3), "would have rolled back: errors is 20, above 12",
                        DeploymentOutcome.ROLLED_BACK));
    }

    @Test
    void a_marker_names_the_version_the_rule_judged() {
        Backtest bake = backtest(new Backtest.Step(hour(0), "1.4.0", RuleStatus.WAIT, Effect.WAIT, null, null, "baking"),
                new Backtest.Step(hour(1), "1.5.0", RuleStatus.FAIL, Effect.STOP, null, null, "too short"));

        assertThat(BacktestChart.stops(bake)).extracting(DeploymentMarker::label)
                .containsExactly("1.5.0 would have stopped: too short");
    }

    @Test
    void a_rule_without_figures_is_drawn_as_its_stops_alone() {
        Backtest window = backtest(new Backtest.Step(hour(0), null, RuleStatus.PASS, Effect.NONE, null, null, "open"),
                new Backtest.Step(hour(1), null, RuleStatus.FAIL, Effect.STOP, null, null, "closed"));

        List<TimeSeriesChart.Series> series = BacktestChart.series(window);

        assertThat(series).singleElement().satisfies(stops -> {
            assertThat(stops.name()).isEqualTo(BacktestChart.STOPPED);
            assertThat(stops.points()).containsExactly(new Point(hour(0), 0), new Point(hour(1), 1));
        });
    }

    @Test
    void sums_up_how_often_it_would_have_stopped_and_counts_every_status() {
        assertThat(BacktestChart.summary(THRESHOLD)).isEqualTo("would have stopped 3 of 4 promotions (75%)");
        assertThat(BacktestChart.byStatus(THRESHOLD)).isEqualTo("PASS 1 · FAIL 2 · WAIT 0 · NO_DATA 1 · ERROR 0");
    }

    @Test
    void a_rare_stop_does_not_read_as_none() {
        Backtest.Step[] steps = new Backtest.Step[721];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = new Backtest.Step(hour(i), null, i < 2 ? RuleStatus.FAIL : RuleStatus.PASS,
                    i < 2 ? Effect.STOP : Effect.NONE, 1.0, 1.0, "");
        }

        assertThat(BacktestChart.summary(backtest(steps))).isEqualTo("would have stopped 2 of 721 promotions (0.3%)");
    }
}
