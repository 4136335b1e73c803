package dev.tollgate.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BakeTimeTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final BakeTime ONE_HOUR = new BakeTime(Duration.ofHours(1));

    @Test
    void a_version_deployed_ten_minutes_ago_waits_fifty_minutes() {
        RuleResult result = ONE_HOUR.evaluate(Optional.of(CLOCK.instant().minus(Duration.ofMinutes(10))), "gamma",
                CLOCK.instant());

        assertThat(result.status()).isEqualTo(RuleStatus.WAIT);
        assertThat(result.waitFor()).contains(Duration.ofMinutes(50));
        assertThat(result.message()).isEqualTo("baked 10 min in gamma of 1 h; 50 min to go");
        assertThat(result.observed()).isEqualTo(10.0);
        assertThat(result.threshold()).isEqualTo(60.0);
    }

    @Test
    void exactly_the_bake_time_passes() {
        RuleResult result = ONE_HOUR.evaluate(Optional.of(CLOCK.instant().minus(Duration.ofHours(1))), "gamma",
                CLOCK.instant());

        assertThat(result.status()).isEqualTo(RuleStatus.PASS);
        assertThat(result.message()).isEqualTo("baked 1 h in gamma, at least 1 h");
    }

    @Test
    void a_version_that_never_succeeded_in_the_source_stage_has_no_data() {
        assertThat(ONE_HOUR.evaluate(Optional.empty(), "gamma", CLOCK.instant()).status()).isEqualTo(RuleStatus.NO_DATA);
    }

    @Test
    void a_success_reported_in_the_future_waits_the_whole_bake_and_more() {
        RuleResult result = ONE_HOUR.evaluate(Optional.of(CLOCK.instant().plus(Duration.ofMinutes(5))), "gamma",
                CLOCK.instant());

        assertThat(result.status()).isEqualTo(RuleStatus.WAIT);
        assertThat(result.waitFor()).contains(Duration.ofMinutes(65));
    }

    @Test
    void a_bake_time_is_positive() {
        assertThatThrownBy(() -> new BakeTime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
