package dev.tollgate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class GoalProgressTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-26");

    @Test
    void progress_is_the_scorecards_own_figure_when_it_gives_one() {
        assertThat(GoalProgress.progress(ScorecardItems.goal("g", 3, 4, 80.0, null))).isEqualTo(80.0);
        assertThat(GoalProgress.progress(ScorecardItems.goal("g", 3, 4, null, null))).isEqualTo(75.0);
        assertThat(GoalProgress.progress(ScorecardItems.goal("g", 3, 0, null, null))).isZero();
    }

    @Test
    void a_goal_is_overdue_after_its_due_day_until_it_is_reached() {
        assertThat(GoalProgress.overdue(ScorecardItems.goal("g", 3, 4, 75.0, TODAY.minusDays(1)), TODAY)).isTrue();
        assertThat(GoalProgress.overdue(ScorecardItems.goal("g", 3, 4, 75.0, TODAY), TODAY)).isFalse();
        assertThat(GoalProgress.overdue(ScorecardItems.goal("g", 4, 4, 100.0, TODAY.minusDays(1)), TODAY)).isFalse();
        assertThat(GoalProgress.overdue(ScorecardItems.goal("g", 0, 4, 0.0, null), TODAY)).isFalse();
    }
}
