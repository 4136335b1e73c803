package dev.tollgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

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
}
