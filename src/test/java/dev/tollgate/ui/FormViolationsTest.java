package dev.tollgate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.textfield.TextField;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Violation;

class FormViolationsTest {

    private final TextField id = new TextField();
    private final TextField name = new TextField();
    private final TextField stages = new TextField();
    private final FormViolations violations = new FormViolations()
            .on("service", id).on("name", name).on("stages", stages, "stage");

    @Test
    void puts_each_violation_on_the_field_its_pointer_names() {
        violations.show(refusal(Violation.at("service", "must be an identifier"),
                Violation.at("/name", "is too long")));

        assertThat(id.isInvalid()).isTrue();
        assertThat(id.getErrorMessage()).isEqualTo("must be an identifier");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("is too long");
        assertThat(stages.isInvalid()).isFalse();
    }

    @Test
    void names_the_item_of_a_list_counting_from_one_and_joins_several() {
        violations.show(refusal(Violation.at("/stages/0", "must be an identifier"),
                Violation.at("/stages/3", "stage 'gamma' appears twice in the path")));

        assertThat(stages.getErrorMessage())
                .isEqualTo("stage 1: must be an identifier; stage 4: stage 'gamma' appears twice in the path");
    }

    @Test
    void clearing_takes_every_earlier_message_away() {
        violations.show(refusal(Violation.at("/name", "is required")));
        violations.clear();

        assertThat(name.isInvalid()).isFalse();
        assertThat(name.getErrorMessage()).isNullOrEmpty();
    }

    @Test
    void a_pointer_lands_on_the_longest_name_it_starts_with() {
        TextField window = new TextField();
        TextField baseline = new TextField();
        TextField deny = new TextField();
        violations.on("params/window", window).on("params/relativeTo/window", baseline).on("params/deny", deny, "date");

        violations.show(refusal(Violation.at("/params/window", "is required"),
                Violation.at("/params/relativeTo/window", "must be a duration"),
                Violation.at("/params/deny/1", "must be a date (YYYY-MM-DD)")));

        assertThat(window.getErrorMessage()).isEqualTo("is required");
        assertThat(baseline.getErrorMessage()).isEqualTo("must be a duration");
        assertThat(deny.getErrorMessage()).isEqualTo("date 2: must be a date (YYYY-MM-DD)");
    }

    @Test
    void a_forgotten_part_of_the_form_catches_no_more_violations() {
        TextField kind = new TextField();
        TextField metric = new TextField();
        violations.on("params", kind).on("params/metric", metric).on("params/metric/unit", metric);
        violations.forget("params/metric");

        violations.show(refusal(Violation.at("/params/metric", "is required")));

        assertThat(metric.isInvalid()).isFalse();
        assertThat(kind.getErrorMessage()).isEqualTo("item metric: is required");
    }

    private static InvalidInputException refusal(Violation... found) {
        return new InvalidInputException("The service was not saved", List.of(found));
    }
}
