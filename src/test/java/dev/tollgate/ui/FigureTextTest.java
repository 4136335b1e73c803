package dev.tollgate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.tollgate.scorecard.ScorecardStatus;

class FigureTextTest {

    @Test
    void a_figure_reads_with_its_unit_and_as_many_digits_as_a_reader_compares() {
        assertThat(FigureText.value(99.953, "percent")).isEqualTo("99.953%");
        assertThat(FigureText.value(99.95, "percent")).isEqualTo("99.95%");
        assertThat(FigureText.value(87.5, "percent")).isEqualTo("87.5%");
        assertThat(FigureText.value(100.0, "percent")).isEqualTo("100%");
        assertThat(FigureText.value(12_345.6, "count")).isEqualTo("12,346");
        assertThat(FigureText.value(312.44, "ms")).isEqualTo("312.4 ms");
        assertThat(FigureText.value(1.4285, "per day")).isEqualTo("1.43 per day");
        assertThat(FigureText.value(3.5, "hours")).isEqualTo("3.5 h");
        assertThat(FigureText.value(2.0, "days")).isEqualTo("2 d");
        assertThat(FigureText.value(7.0, "")).isEqualTo("7");
        assertThat(FigureText.value(0.004, "EUR")).isEqualTo("0.004 EUR");
    }

    @Test
    void availability_just_below_a_hundred_percent_keeps_its_third_nine() {
        assertThat(FigureText.value(99.9996, "percent")).isEqualTo("100%");
        assertThat(FigureText.value(99.999, "percent")).isEqualTo("99.999%");
    }

    @Test
    void a_figure_with_nothing_counted_reads_as_a_dash_never_as_zero() {
        assertThat(FigureText.value(null, "percent")).isEqualTo("—");
        assertThat(FigureText.value(Double.NaN, "ms")).isEqualTo("—");
    }

    @Test
    void a_negative_figure_that_rounds_to_nothing_has_no_sign() {
        assertThat(FigureText.number(-0.001)).isEqualTo("-0.001");
        assertThat(FigureText.number(-0.00001)).isEqualTo("0");
    }

    @Test
    void a_change_reads_as_an_arrow_and_its_size() {
        assertThat(FigureText.delta(12.5)).isEqualTo("↑ 12.5%");
        assertThat(FigureText.delta(-3.0)).isEqualTo("↓ 3%");
        assertThat(FigureText.delta(0.0)).isEqualTo("→ 0%");
        assertThat(FigureText.delta(null)).isEqualTo("—");
    }

    @Test
    void a_change_is_good_when_it_goes_the_way_that_is_better() {
        assertThat(FigureText.deltaTone(5.0, "HIGHER")).isEqualTo("good");
        assertThat(FigureText.deltaTone(-5.0, "HIGHER")).isEqualTo("bad");
        assertThat(FigureText.deltaTone(5.0, "LOWER")).isEqualTo("bad");
        assertThat(FigureText.deltaTone(-5.0, "LOWER")).isEqualTo("good");
        assertThat(FigureText.deltaTone(0.0, "LOWER")).isEqualTo("flat");
        assertThat(FigureText.deltaTone(null, "HIGHER")).isEqualTo("flat");
    }

    @Test
    void a_target_reads_in_the_figures_unit_and_is_left_out_when_there_is_none() {
        assertThat(FigureText.target(99.9, "percent")).isEqualTo("target 99.9%");
        assertThat(FigureText.target(null, "percent")).isEmpty();
    }

    @Test
    void every_status_has_a_label_and_a_css_class() {
        assertThat(FigureText.statusClass(ScorecardStatus.NO_DATA)).isEqualTo("status-no-data");
        assertThat(FigureText.statusClass(ScorecardStatus.BAD)).isEqualTo("status-bad");
        assertThat(FigureText.statusClass(null)).isEqualTo("status-no-data");
        assertThat(FigureText.statusLabel(ScorecardStatus.WATCH)).isEqualTo("Watch");
        assertThat(FigureText.statusLabel(ScorecardStatus.NO_DATA)).isEqualTo("No data");
    }
}
