package dev.tollgate.scorecard;

import static dev.tollgate.catalog.Better.HIGHER;
import static dev.tollgate.catalog.Better.LOWER;
import static dev.tollgate.scorecard.ScorecardStatus.BAD;
import static dev.tollgate.scorecard.ScorecardStatus.GOOD;
import static dev.tollgate.scorecard.ScorecardStatus.NO_DATA;
import static dev.tollgate.scorecard.ScorecardStatus.WATCH;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class JudgementTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void a_figure_without_data_has_no_status_but_no_data() {
        assertThat(Judgement.metric(null, 10.0, 5.0, LOWER)).isEqualTo(NO_DATA);
        assertThat(Judgement.banded(null, 1, 2, LOWER)).isEqualTo(NO_DATA);
    }

    @Test
    void a_figure_that_misses_its_target_is_bad_and_one_exactly_at_it_meets_it() {
        assertThat(Judgement.metric(99.89, 99.95, 99.9, HIGHER)).isEqualTo(BAD);
        assertThat(Judgement.metric(99.9, 99.9, 99.9, HIGHER)).isEqualTo(GOOD);
        assertThat(Judgement.metric(200.0, 200.0, 200.0, LOWER)).isEqualTo(GOOD);
        assertThat(Judgement.metric(200.5, 150.0, 200.0, LOWER)).isEqualTo(BAD);
    }

    @Test
    void a_figure_that_meets_its_target_but_worsened_by_more_than_five_percent_is_to_watch() {
        assertThat(Judgement.metric(180.0, 150.0, 200.0, LOWER)).isEqualTo(WATCH);
        assertThat(Judgement.metric(157.0, 150.0, 200.0, LOWER)).isEqualTo(GOOD);
    }

    @Test
    void without_a_target_a_figure_is_judged_by_how_much_it_worsened() {
        assertThat(Judgement.metric(104.0, 100.0, null, LOWER)).isEqualTo(GOOD);
        assertThat(Judgement.metric(110.0, 100.0, null, LOWER)).isEqualTo(WATCH);
        assertThat(Judgement.metric(121.0, 100.0, null, LOWER)).isEqualTo(BAD);
        assertThat(Judgement.metric(79.0, 100.0, null, HIGHER)).isEqualTo(BAD);
        assertThat(Judgement.metric(150.0, 100.0, null, HIGHER)).isEqualTo(GOOD);
        assertThat(Judgement.metric(50.0, 100.0, null, LOWER)).isEqualTo(GOOD);
    }

    @Test
    void a_figure_with_nothing_to_compare_with_is_good() {
        assertThat(Judgement.metric(42.0, null, null, LOWER)).isEqualTo(GOOD);
    }

    @Test
    void the_first_errors_after_a_quiet_period_are_to_watch() {
        assertThat(Judgement.metric(3.0, 0.0, null, LOWER)).isEqualTo(WATCH);
        assertThat(Judgement.metric(0.0, 0.0, null, LOWER)).isEqualTo(GOOD);
    }

    @Test
    void bands_read_in_the_direction_of_the_figure() {
        assertThat(Judgement.banded(1.0, 1, 1 / 7.0, HIGHER)).isEqualTo(GOOD);
        assertThat(Judgement.banded(0.5, 1, 1 / 7.0, HIGHER)).isEqualTo(WATCH);
        assertThat(Judgement.banded(0.1, 1, 1 / 7.0, HIGHER)).isEqualTo(BAD);
        assertThat(Judgement.banded(15.0, 15, 30, LOWER)).isEqualTo(GOOD);
        assertThat(Judgement.banded(30.0, 15, 30, LOWER)).isEqualTo(WATCH);
        assertThat(Judgement.banded(30.1, 15, 30, LOWER)).isEqualTo(BAD);
    }

    @Test
    void delta_is_the_change_in_percent_of_the_previous_figure_and_absent_without_a_base() {
        assertThat(Judgement.deltaPct(110.0, 100.0)).isEqualTo(10.0);
        assertThat(Judgement.deltaPct(-3.0, -2.0)).isEqualTo(-50.0);
        assertThat(Judgement.deltaPct(5.0, 0.0)).isNull();
        assertThat(Judgement.deltaPct(null, 4.0)).isNull();
        assertThat(Judgement.deltaPct(4.0, null)).isNull();
    }

    @Test
    void a_goal_reached_is_good_even_after_its_due_day() {
        assertThat(Judgement.goal(10, 10, CREATED, LocalDate.parse("2026-11-10"), Instant.parse("2026-12-01T00:00:00Z")))
                .isEqualTo(GOOD);
    }

    @Test
    void a_goal_short_of_its_target_after_its_due_day_is_bad_and_on_its_due_day_is_not_yet() {
        LocalDate due = LocalDate.parse("2026-11-30");
        assertThat(Judgement.goal(9, 10, CREATED, due, Instant.parse("2026-12-01T00:00:00Z"))).isEqualTo(BAD);
        assertThat(Judgement.goal(9, 10, CREATED, due, Instant.parse("2026-11-30T23:59:00Z"))).isEqualTo(GOOD);
    }

    @Test
    void a_dated_goal_more_than_ten_points_behind_an_even_pace_is_to_watch() {
        LocalDate due = LocalDate.parse("2026-11-10"); // ten days from creation to the end of its day
        Instant halfway = Instant.parse("2026-11-06T00:00:00Z");
        assertThat(Judgement.goal(41, 100, CREATED, due, halfway)).isEqualTo(GOOD);
        assertThat(Judgement.goal(39, 100, CREATED, due, halfway)).isEqualTo(WATCH);
    }

    @Test
    void an_undated_goal_not_yet_reached_is_to_watch() {
        assertThat(Judgement.goal(3, 10, CREATED, null, Instant.parse("2026-11-06T00:00:00Z"))).isEqualTo(WATCH);
    }

    @Test
    void progress_is_current_in_percent_of_target_and_absent_for_a_target_of_zero() {
        assertThat(Judgement.progressPct(3, 4)).isEqualTo(75.0);
        assertThat(Judgement.progressPct(3, 0)).isNull();
    }
}
