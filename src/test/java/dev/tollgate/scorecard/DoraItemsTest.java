package dev.tollgate.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tollgate.delivery.DoraFigures;

class DoraItemsTest {

    private static final Instant FROM = Instant.parse("2026-11-19T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-26T00:00:00Z");

    private static DoraFigures figures(int deployments, int failures, int restored, int unrestored, Double perDay,
            Duration lead, Double cfr, Duration restore, Double rework) {
        return new DoraFigures(FROM, TO, deployments, failures, restored, unrestored, 0, perDay, lead, cfr, restore, rework);
    }

    private static final DoraFigures NOTHING = figures(0, 0, 0, 0, 0.0, null, null, null, null);

    @Test
    void durations_read_in_hours_and_each_figure_is_judged_by_its_band() {
        DoraFigures now = figures(14, 1, 1, 0, 2.0, Duration.ofMinutes(90), 7.14, Duration.ofHours(30), 7.14);
        DoraFigures then = figures(7, 2, 2, 0, 1.0, Duration.ofHours(3), 28.57, Duration.ofHours(10), 0.0);

        DoraScorecard dora = DoraItems.of(now, then, List.of());

        assertThat(dora.deploymentFrequency().value()).isEqualTo(2.0);
        assertThat(dora.deploymentFrequency().deltaPct()).isEqualTo(100.0);
        assertThat(dora.deploymentFrequency().status()).isEqualTo(ScorecardStatus.GOOD);
        assertThat(dora.leadTimeForChanges().value()).isEqualTo(1.5);
        assertThat(dora.leadTimeForChanges().previous()).isEqualTo(3.0);
        assertThat(dora.leadTimeForChanges().unit()).isEqualTo("hours");
        assertThat(dora.changeFailureRate().status()).isEqualTo(ScorecardStatus.GOOD);
        assertThat(dora.timeToRestore().value()).isEqualTo(30.0);
        assertThat(dora.timeToRestore().status()).isEqualTo(ScorecardStatus.WATCH);
        assertThat(dora.reworkRate().status()).isEqualTo(ScorecardStatus.GOOD);
        assertThat(dora.deployments()).isEqualTo(14);
    }

    @Test
    void no_deployments_is_a_frequency_of_zero_and_no_data_for_the_rates() {
        DoraScorecard dora = DoraItems.of(NOTHING, NOTHING, List.of());

        assertThat(dora.deploymentFrequency().value()).isEqualTo(0.0);
        assertThat(dora.deploymentFrequency().status()).isEqualTo(ScorecardStatus.BAD);
        assertThat(dora.changeFailureRate().status()).isEqualTo(ScorecardStatus.NO_DATA);
        assertThat(dora.leadTimeForChanges().status()).isEqualTo(ScorecardStatus.NO_DATA);
        assertThat(dora.timeToRestore().status()).isEqualTo(ScorecardStatus.NO_DATA);
        assertThat(dora.reworkRate().status()).isEqualTo(ScorecardStatus.NO_DATA);
    }

    @Test
    void a_failure_never_restored_makes_time_to_restore_worth_watching_even_without_a_figure() {
        DoraFigures now = figures(2, 1, 0, 1, 1.0 / 7, null, 50.0, null, 0.0);

        DoraScorecard dora = DoraItems.of(now, NOTHING, List.of());

        assertThat(dora.timeToRestore().value()).isNull();
        assertThat(dora.timeToRestore().status()).isEqualTo(ScorecardStatus.WATCH);
        assertThat(dora.unrestoredFailures()).isEqualTo(1);
        assertThat(dora.changeFailureRate().status()).isEqualTo(ScorecardStatus.BAD);
    }

    @Test
    void sparklines_leave_out_buckets_without_a_figure() {
        DoraFigures quiet = new DoraFigures(FROM, FROM.plus(Duration.ofDays(1)), 0, 0, 0, 0, 0, 0.0, null, null, null, null);
        DoraFigures busy = new DoraFigures(FROM.plus(Duration.ofDays(1)), FROM.plus(Duration.ofDays(2)), 2, 1, 1, 0, 1,
                1.0, Duration.ofHours(2), 50.0, Duration.ofHours(1), 50.0);

        DoraScorecard dora = DoraItems.of(busy, NOTHING, List.of(quiet, busy));

        assertThat(dora.deploymentFrequency().series()).hasSize(2);
        assertThat(dora.changeFailureRate().series()).hasSize(1);
        assertThat(dora.changeFailureRate().series().getFirst())
                .containsExactly(FROM.plus(Duration.ofDays(1)).toEpochMilli(), 50.0);
    }
}
