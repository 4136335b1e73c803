package dev.tollgate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScorecardPeriodTest {

    @Test
    void a_period_is_linked_as_its_iso_duration_and_read_back_from_it() {
        for (ScorecardPeriod period : ScorecardPeriod.values()) {
            assertThat(ScorecardPeriod.fromParameter(period.parameter())).contains(period);
        }
        assertThat(ScorecardPeriod.FOUR_WEEKS.parameter()).isEqualTo("P28D");
    }

    @Test
    void the_same_length_written_otherwise_names_the_same_period() {
        assertThat(ScorecardPeriod.fromParameter("PT24H")).contains(ScorecardPeriod.DAY);
        assertThat(ScorecardPeriod.fromParameter(" p7d ")).contains(ScorecardPeriod.WEEK);
    }

    @Test
    void a_hand_edited_link_naming_no_offered_period_names_none() {
        assertThat(ScorecardPeriod.fromParameter("P3D")).isEmpty();
        assertThat(ScorecardPeriod.fromParameter("a week")).isEmpty();
        assertThat(ScorecardPeriod.fromParameter(null)).isEmpty();
    }
}
