package dev.tollgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

class ApiTimeTest {

    private static final Instant TEN_UTC = Instant.parse("2026-11-26T10:00:00Z");

    record Body(Instant time) {
    }

    private final JsonMapper json = JsonMapper.builder()
            .addModule(new SimpleModule().addDeserializer(Instant.class, new ApiTimeDeserializer()))
            .build();

    @Test
    void reads_rfc_3339_in_utc() {
        assertThat(ApiTime.parse("2026-11-26T10:00:00Z")).contains(TEN_UTC);
    }

    @Test
    void reads_rfc_3339_with_an_offset_as_the_same_instant() {
        assertThat(ApiTime.parse("2026-11-26T11:00:00+01:00")).contains(TEN_UTC);
        assertThat(ApiTime.parse("2026-11-26T05:30:00-04:30")).contains(TEN_UTC);
    }

    @Test
    void keeps_fractions_of_a_second() {
        assertThat(ApiTime.parse("2026-11-26T10:00:00.123456Z")).contains(TEN_UTC.plusNanos(123_456_000));
    }

    @Test
    void reads_epoch_milliseconds() {
        assertThat(ApiTime.parse(String.valueOf(TEN_UTC.toEpochMilli()))).contains(TEN_UTC);
        assertThat(ApiTime.parse("0")).contains(Instant.EPOCH);
    }

    @Test
    void ignores_surrounding_blanks() {
        assertThat(ApiTime.parse(" 2026-11-26T10:00:00Z ")).contains(TEN_UTC);
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-11-26T10:00:00", "2026-11-26T10:00", "2026-11-26" })
    void refuses_a_time_without_an_offset_rather_than_guess_a_zone(String text) {
        assertThat(ApiTime.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { " ", "yesterday", "2026-13-01T00:00:00Z", "-1", "1.5", "1e12", "10:00:00Z" })
    void refuses_what_is_not_a_time(String text) {
        assertThat(ApiTime.parse(text)).isEmpty();
    }

    @Test
    void reads_a_json_integer_as_epoch_milliseconds() {
        assertThat(json.readValue("{\"time\": " + TEN_UTC.toEpochMilli() + "}", Body.class).time()).isEqualTo(TEN_UTC);
    }

    @Test
    void reads_a_json_string_as_rfc_3339() {
        assertThat(json.readValue("{\"time\": \"2026-11-26T11:00:00+01:00\"}", Body.class).time()).isEqualTo(TEN_UTC);
    }

    @Test
    void refuses_a_json_time_without_offset_naming_the_field_and_the_accepted_forms() {
        assertThatThrownBy(() -> json.readValue("{\"time\": \"2026-11-26T10:00:00\"}", Body.class))
                .isInstanceOfSatisfying(InvalidFormatException.class, e -> {
                    Violation violation = JsonFaults.describe(e);
                    assertThat(violation.pointer()).isEqualTo("/time");
                    assertThat(violation.message()).isEqualTo("must be " + ApiTime.DESCRIPTION);
                });
    }

    @Test
    void refuses_a_json_boolean_as_a_time() {
        assertThatThrownBy(() -> json.readValue("{\"time\": true}", Body.class))
                .satisfies(e -> assertThat(JsonFaults.describe((tools.jackson.core.JacksonException) e).pointer())
                        .isEqualTo("/time"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1969-12-31T23:59:59.999Z", "1970-01-01T00:30:00+01:00", "0000-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "999999999999999" })
    void refuses_a_time_before_1970_or_after_9999(String text) {
        assertThat(ApiTime.parse(text)).isEmpty();
    }

    @Test
    void reads_the_first_and_the_last_instant_of_the_range() {
        assertThat(ApiTime.parse("1970-01-01T00:00:00Z")).contains(Instant.EPOCH);
        assertThat(ApiTime.parse("9999-12-31T23:59:59.999999999Z")).contains(ApiTime.MAX);
        assertThat(ApiTime.parse(String.valueOf(ApiTime.MAX.toEpochMilli()))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "-1", "253402300800000", "9223372036854775807", "99999999999999999999999" })
    void refuses_json_epoch_milliseconds_outside_the_range_as_a_bad_time(String millis) {
        assertThatThrownBy(() -> json.readValue("{\"time\": " + millis + "}", Body.class))
                .isInstanceOfSatisfying(InvalidFormatException.class, e -> {
                    assertThat(JsonFaults.describe(e).pointer()).isEqualTo("/time");
                    assertThat(JsonFaults.describe(e).message()).isEqualTo("must be " + ApiTime.DESCRIPTION);
                });
    }

    @Test
    void reads_a_date_with_a_four_digit_year() {
        assertThat(ApiTime.parseDate("2026-12-31")).contains(LocalDate.of(2026, 12, 31));
        assertThat(ApiTime.parseDate(" 1970-01-01 ")).contains(LocalDate.of(1970, 1, 1));
        assertThat(ApiTime.parseDate("9999-12-31")).contains(LocalDate.of(9999, 12, 31));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "+10000-01-01", "-0001-01-01", "1969-12-31", "0000-01-01", "2026-02-30", "2026-1-5",
            "2026-12-31T00:00:00Z", "20261231", "<b>2026-12-31</b>" })
    void refuses_what_is_not_a_date_from_1970_to_9999(String text) {
        assertThat(ApiTime.parseDate(text)).isEmpty();
    }
}
