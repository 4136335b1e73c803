package dev.tollgate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SparklineTest {

    @Test
    void time_runs_across_the_width_and_the_highest_value_is_at_the_top() {
        String path = Sparkline.path(List.of(new double[] { 1000, 10 }, new double[] { 2000, 20 },
                new double[] { 3000, 15 }));

        assertThat(path).isEqualTo("M0 30L60 2L120 16");
    }

    @Test
    void buckets_are_placed_by_their_time_not_by_their_position_in_the_list() {
        String path = Sparkline.path(List.of(new double[] { 0, 1 }, new double[] { 1000, 2 },
                new double[] { 4000, 3 }));

        assertThat(path).isEqualTo("M0 30L30 16L120 2");
    }

    @Test
    void a_bucket_without_a_figure_breaks_the_line_and_a_figure_alone_between_gaps_is_a_dot() {
        String path = Sparkline.path(List.of(new double[] { 0, 1 }, new double[] { 1, 3 },
                new double[] { 2, Double.NaN }, new double[] { 3, 2 }, new double[] { 4, Double.NaN },
                new double[] { 5, 1 }, new double[] { 6, 3 }));

        assertThat(path).isEqualTo("M0 30L20 2M60 16h0M100 30L120 2");
    }

    @Test
    void a_flat_series_and_a_single_figure_are_a_level_line_across_the_middle() {
        assertThat(Sparkline.path(List.of(new double[] { 0, 5 }, new double[] { 10, 5 }))).isEqualTo("M0 16L120 16");
        assertThat(Sparkline.path(List.<double[]>of(new double[] { 0, 5 }))).isEqualTo("M0 16L120 16");
    }

    @Test
    void nothing_to_draw_is_an_empty_svg() {
        assertThat(Sparkline.path(List.of())).isEmpty();
        assertThat(Sparkline.path(List.<double[]>of(new double[] { 0, Double.NaN }))).isEmpty();
        assertThat(Sparkline.markup(List.of())).startsWith("<svg").endsWith("</svg>").doesNotContain("<path");
    }

    @Test
    void the_markup_holds_numbers_and_fixed_names_only() {
        List<double[]> series = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            series.add(new double[] { 1_700_000_000_000.0 + i * 60_000, Math.sin(i / 10.0) * 1e6 });
        }
        String markup = Sparkline.markup(series);

        String d = markup.replaceAll(".*<path d=\"([^\"]*)\".*", "$1");
        assertThat(d).matches("[ML0-9. h-]+");
        assertThat(markup).contains("stroke=\"currentColor\"", "viewBox=\"0 0 120 32\"");
    }
}
