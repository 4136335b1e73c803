package dev.tollgate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tollgate.gate.GateTally;
import dev.tollgate.scorecard.ScorecardStatus;

class TeamHeatMapTest {

    @Test
    void a_cell_shows_the_value_with_its_unit_and_the_change_coloured_by_which_way_is_better() {
        TeamHeatMap.Cell cell = TeamHeatMap.cell(Optional.of(ScorecardItems.metric("latency_ms", "ms", 180.0, 200.0,
                -10.0, "LOWER", ScorecardStatus.GOOD)));

        assertThat(cell.value()).isEqualTo("180 ms");
        assertThat(cell.delta()).isEqualTo("↓ 10%");
        assertThat(cell.tone()).isEqualTo("good");
        assertThat(cell.status()).isEqualTo(ScorecardStatus.GOOD);
        assertThat(cell.title()).isEqualTo("Good, 180 ms (before: 200 ms)");
    }

    @Test
    void a_figure_the_team_does_not_measure_is_a_dash_without_change() {
        TeamHeatMap.Cell cell = TeamHeatMap.cell(Optional.empty());

        assertThat(cell.value()).isEqualTo("—");
        assertThat(cell.delta()).isEmpty();
        assertThat(cell.status()).isEqualTo(ScorecardStatus.NO_DATA);
    }

    @Test
    void gate_stops_are_watched_never_bad_and_no_question_asked_is_no_data() {
        assertThat(TeamHeatMap.stops(new GateTally(40, 36, 1, 3, 0, 1)).status()).isEqualTo(ScorecardStatus.WATCH);
        assertThat(TeamHeatMap.stops(new GateTally(40, 36, 1, 3, 0, 1)).title()).isEqualTo("3 of 40 promotions stopped");
        assertThat(TeamHeatMap.stops(new GateTally(10, 10, 0, 0, 0, 0)).status()).isEqualTo(ScorecardStatus.GOOD);
        assertThat(TeamHeatMap.stops(GateTally.NONE).status()).isEqualTo(ScorecardStatus.NO_DATA);
    }

    @Test
    void the_key_figures_have_ids_fit_for_elements() {
        assertThat(TeamHeatMap.COLUMNS).extracting(TeamHeatMap.Column::id).allMatch(id -> id.matches("[a-z-]+"))
                .doesNotHaveDuplicates();
    }
}
