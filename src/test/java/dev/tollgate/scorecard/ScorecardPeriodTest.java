package dev.tollgate.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ScorecardPeriodTest {

    @Test
    void a_period_ends_at_the_next_whole_minute_and_the_previous_one_ends_where_it_starts() {
        ScorecardPeriod week = ScorecardPeriod.endingAt(Duration.ofDays(7), Instant.parse("2026-11-26T10:15:42.5Z"));

        assertThat(week.to()).isEqualTo(Instant.parse("2026-11-26T10:16:00Z"));
        assertThat(week.from()).isEqualTo(Instant.parse("2026-11-19T10:16:00Z"));
        assertThat(week.previous().to()).isEqualTo(week.from());
        assertThat(week.previous().from()).isEqualTo(Instant.parse("2026-11-12T10:16:00Z"));
        assertThat(ScorecardPeriod.endingAt(Duration.ofDays(7), Instant.parse("2026-11-26T10:15:00Z")).to())
                .isEqualTo(Instant.parse("2026-11-26T10:15:00Z"));
    }

    @Test
    void sparklines_take_the_shortest_round_step_that_draws_the_period_in_at_most_thirty_points() {
        Instant at = Instant.parse("2026-11-26T10:00:00Z");
        assertThat(ScorecardPeriod.endingAt(Duration.ofDays(7), at).step()).isEqualTo(Duration.ofHours(6));
        assertThat(ScorecardPeriod.endingAt(Duration.ofDays(1), at).step()).isEqualTo(Duration.ofHours(1));
        assertThat(ScorecardPeriod.endingAt(Duration.ofHours(1), at).step()).isEqualTo(Duration.ofMinutes(5));
        assertThat(ScorecardPeriod.endingAt(Duration.ofDays(28), at).step()).isEqualTo(Duration.ofDays(1));
        assertThat(ScorecardPeriod.endingAt(Duration.ofDays(90), at).step()).isEqualTo(Duration.ofDays(7));
        assertThat(ScorecardPeriod.endingAt(Duration.ofDays(366), at).step()).isEqualTo(Duration.ofDays(14));
    }
}
