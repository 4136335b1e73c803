package dev.tollgate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OfferedPeriodTest {

    @Test
    void a_period_is_linked_as_its_iso_duration_and_read_back_from_it() {
        for (OfferedPeriod period : OfferedPeriod.values()) {
            assertThat(OfferedPeriod.fromParameter(period.parameter())).contains(period);
        }
        assertThat(OfferedPeriod.FOUR_WEEKS.parameter()).isEqualTo("P28D");
    }

    @Test
    void the_same_length_written_otherwise_names_the_same_period() {
        assertThat(OfferedPeriod.fromParameter("PT24H")).contains(OfferedPeriod.DAY);
        assertThat(OfferedPeriod.fromParameter(" p7d ")).contains(OfferedPeriod.WEEK);
    }

    @Test
    void a_hand_edited_link_naming_no_offered_period_names_none() {
        assertThat(OfferedPeriod.fromParameter("P3D")).isEmpty();
        assertThat(OfferedPeriod.fromParameter("a week")).isEmpty();
        assertThat(OfferedPeriod.fromParameter(null)).isEmpty();
    }
}
