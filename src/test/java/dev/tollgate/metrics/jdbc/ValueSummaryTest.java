package dev.tollgate.metrics.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.tollgate.catalog.Aggregation;

/** A summary keeps no sketch while its values are equal, and answers as if it always had one. */
class ValueSummaryTest {

    private static final Aggregation[] PERCENTILES = { Aggregation.P50, Aggregation.P90, Aggregation.P95,
        Aggregation.P99 };

    @Test
    void equal_values_need_no_sketch_and_answer_their_value() {
        ValueSummary summary = new ValueSummary();
        for (int i = 0; i < 5; i++) {
            summary.add(42, i);
        }
        assertThat(summary.figure(Aggregation.P99, 60)).isEqualTo(42);
        assertThat(summary.figure(Aggregation.P50, 60)).isEqualTo(42);
        assertThat(summary.sketch().count()).isEqualTo(5);
    }

    @Test
    void random_adds_and_merges_answer_as_one_sketch_of_all_values() {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 2_000; round++) {
            PercentileSketch all = new PercentileSketch();
            ValueSummary summary = summaryOf(random, all);
            for (int part = random.nextInt(4); part > 0; part--) {
                summary.merge(summaryOf(random, all));
            }
            if (summary.count() == 0) {
                continue;
            }
            for (Aggregation percentile : PERCENTILES) {
                double quantile = switch (percentile) {
                    case P50 -> 0.5;
                    case P90 -> 0.9;
                    case P95 -> 0.95;
                    default -> 0.99;
                };
                double expected = Math.max(summary.min(), Math.min(summary.max(), all.quantile(quantile)));
                assertThat(summary.figure(percentile, 60)).as("round %d %s", round, percentile).isEqualTo(expected);
            }
            assertThat(summary.sketch()).isEqualTo(all);
        }
    }

    @Test
    void a_summary_read_without_sketches_refuses_percentiles_even_after_merges() {
        ValueSummary withoutSketch = new ValueSummary(false);
        ValueSummary values = new ValueSummary();
        values.add(1, 0);
        values.add(2, 1);
        withoutSketch.merge(values);
        assertThatThrownBy(() -> withoutSketch.figure(Aggregation.P50, 60)).isInstanceOf(IllegalStateException.class);
        ValueSummary merged = new ValueSummary();
        merged.merge(withoutSketch);
        assertThatThrownBy(() -> merged.figure(Aggregation.P50, 60)).isInstanceOf(IllegalStateException.class);
        assertThat(merged.figure(Aggregation.SUM, 60)).isEqualTo(3);
    }

    /** A summary of a few values, often all equal (as counters are), added to {@code all} too. */
    private static ValueSummary summaryOf(SplittableRandom random, PercentileSketch all) {
        ValueSummary summary = new ValueSummary();
        double base = random.nextInt(5) - 2;
        boolean equal = random.nextBoolean();
        for (int i = random.nextInt(6); i > 0; i--) {
            double value = equal ? base : base + random.nextInt(3);
            summary.add(value, i);
            all.add(value);
        }
        return summary;
    }
}
