package dev.tollgate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.tollgate.api.Violations;

class NumberInputTest {

    @Test
    void a_typed_number_is_read_and_blank_is_left_for_the_service_to_call_required() {
        Violations violations = new Violations();

        assertThat(NumberInput.parse(violations, "/target", " 12.5 ")).isEqualTo(12.5);
        assertThat(NumberInput.parse(violations, "/target", "")).isNull();
        assertThat(violations.isEmpty()).isTrue();
    }

    @Test
    void text_that_is_no_number_is_named_at_its_field_and_a_decimal_comma_is_not_guessed() {
        Violations violations = new Violations();

        assertThat(NumberInput.parse(violations, "/target", "twelve")).isNull();
        assertThat(NumberInput.parse(violations, "/current", "1,5")).isNull();
        assertThat(violations.list()).extracting(v -> v.pointer()).containsExactly("/target", "/current");
    }

    @Test
    void a_number_is_edited_with_every_digit_it_has_and_no_grouping() {
        assertThat(NumberInput.text(1200.0)).isEqualTo("1200");
        assertThat(NumberInput.text(99.95)).isEqualTo("99.95");
    }
}
