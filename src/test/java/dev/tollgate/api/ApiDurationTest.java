package dev.tollgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiDurationTest {

    @ParameterizedTest
    @CsvSource({ "PT1H, PT1H", "P7D, PT168H", "PT15M, PT15M", "PT30S, PT30S", "P1DT2H, PT26H" })
    void reads_iso_8601_durations(String text, Duration expected) {
        assertThat(ApiDuration.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({ "30s, PT30S", "15m, PT15M", "1h, PT1H", "7d, PT168H", "90m, PT1H30M" })
    void reads_the_short_forms(String text, Duration expected) {
        assertThat(ApiDuration.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({ "PT1H, PT1H", "P7D, P7D", "PT24H, P1D", "P1DT2H, PT26H", "PT1H30M, PT1H30M", "PT0.5S, PT0.5S" })
    void formats_whole_days_as_days_and_the_rest_as_iso_8601(Duration duration, String expected) {
        assertThat(ApiDuration.format(duration)).isEqualTo(expected);
    }

    @Test
    void ignores_surrounding_blanks() {
        assertThat(ApiDuration.parse(" 1h ")).contains(Duration.ofHours(1));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { " ", "1", "h", "1w", "1.5h", "1H", "one hour", "PT", "1h30m", "10000000000s" })
    void refuses_what_is_not_a_duration(String text) {
        assertThat(ApiDuration.parse(text)).isEmpty();
    }

    @Test
    void reads_weeks_which_java_time_does_not() {
        assertThat(ApiDuration.parse("P2W")).contains(Duration.ofDays(14));
    }

    @ParameterizedTest
    @ValueSource(strings = { "PT-1H", "PT0S", "0m", "P0D" })
    void refuses_durations_that_are_not_positive(String text) {
        assertThat(ApiDuration.parse(text)).isEmpty();
    }

    @Test
    void answers_in_iso_8601() {
        assertThat(ApiDuration.format(ApiDuration.parse("7d").orElseThrow())).isEqualTo("P7D");
        assertThat(ApiDuration.format(ApiDuration.parse("90m").orElseThrow())).isEqualTo("PT1H30M");
    }
}
