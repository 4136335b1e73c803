package dev.tollgate.metrics.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.Test;

class PercentileSketchTest {

    private static final double[] QUANTILES = { 0.0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0 };

    @Test
    void answers_every_percentile_of_a_uniform_distribution_within_one_percent() {
        double[] values = new double[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i + 1;
        }
        assertWithinOnePercent(values);
    }

    @Test
    void answers_every_percentile_of_an_exponential_distribution_within_one_percent() {
        Random random = new Random(7);
        assertWithinOnePercent(sample(100_000, () -> -Math.log(1 - random.nextDouble()) * 250));
    }

    @Test
    void answers_zeros_exactly_and_negative_values_within_one_percent() {
        Random random = new Random(11);
        double[] values = sample(20_000, () -> switch (random.nextInt(4)) {
            case 0 -> 0.0;
            case 1 -> -random.nextDouble() * 1_000;
            default -> random.nextDouble() * 50;
        });
        assertWithinOnePercent(values);
        PercentileSketch sketch = sketchOf(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        assertThat(sketch.quantile(0)).isLessThan(-990);
        // A quarter of the values are zero, around the 25th to 50th percentile.
        assertThat(sketch.quantile(exactRankOfFirstZero(sorted) + 0.001)).isZero();
    }

    @Test
    void keeps_its_accuracy_across_the_range_of_doubles() {
        assertWithinOnePercent(new double[] { 1e-300, 3e-12, 0.5, 7, 1e9, 2e150, 1e300, Double.MAX_VALUE });
        assertWithinOnePercent(new double[] { -Double.MAX_VALUE, -1e-300, Double.MIN_VALUE });
    }

    @Test
    void a_merged_sketch_is_the_sketch_of_the_union() {
        Random random = new Random(3);
        double[] left = sample(5_000, () -> random.nextGaussian() * 40 + 100);
        double[] right = sample(7_000, () -> random.nextDouble() * 10 - 5);
        double[] union = new double[left.length + right.length];
        System.arraycopy(left, 0, union, 0, left.length);
        System.arraycopy(right, 0, union, left.length, right.length);

        PercentileSketch merged = sketchOf(left);
        merged.merge(sketchOf(right));

        assertThat(merged).isEqualTo(sketchOf(union));
        assertThat(merged.count()).isEqualTo(union.length);
        for (double quantile : QUANTILES) {
            assertThat(merged.quantile(quantile)).isEqualTo(sketchOf(union).quantile(quantile));
        }
    }

    @Test
    void merging_many_sketches_one_after_another_gives_the_sketch_of_them_all() {
        // Sketches of many buckets, overlapping or apart, of either sign: the merges that reuse
        // the arrays, grow them, or find all their buckets already there.
        Random random = new Random(13);
        PercentileSketch merged = new PercentileSketch();
        List<Double> all = new ArrayList<>();
        for (int round = 0; round < 60; round++) {
            double centre = random.nextInt(5) * 50.0 * (random.nextInt(4) == 0 ? -1 : 1);
            double spread = 1 + random.nextInt(40);
            double[] part = sample(1 + random.nextInt(300), () -> centre + random.nextGaussian() * spread);
            merged.merge(sketchOf(part));
            Arrays.stream(part).forEach(all::add);

            PercentileSketch union = sketchOf(all.stream().mapToDouble(Double::doubleValue).toArray());
            assertThat(merged).as("after %s merges", round + 1).isEqualTo(union);
            assertThat(merged.count()).isEqualTo(all.size());
            assertThat(merged.quantile(0.9)).isEqualTo(union.quantile(0.9));
        }
    }

    @Test
    void positive_values_alone_take_no_room_for_negative_ones() {
        PercentileSketch positive = sketchOf(new double[] { 1, 2, 3 });
        assertThat(positive.capacity()).isEqualTo(8);

        BinaryWriter out = new BinaryWriter();
        positive.writeTo(out);
        PercentileSketch read = PercentileSketch.readFrom(new BinaryReader(out.toByteArray()));
        assertThat(read).isEqualTo(positive).hasSameHashCodeAs(positive);
        assertThat(read.capacity()).isEqualTo(3);

        positive.add(-4);
        assertThat(positive.quantile(0)).isCloseTo(-4, within(0.04));
        assertThat(positive).isNotEqualTo(read);
        read.merge(sketchOf(new double[] { -4 }));
        assertThat(read).isEqualTo(positive).hasSameHashCodeAs(positive);
    }

    @Test
    void merging_into_an_empty_sketch_or_merging_an_empty_one_changes_nothing() {
        PercentileSketch values = sketchOf(new double[] { 1, 2, 3 });
        PercentileSketch empty = new PercentileSketch();
        empty.merge(values);
        assertThat(empty).isEqualTo(values);
        values.merge(new PercentileSketch());
        assertThat(values).isEqualTo(sketchOf(new double[] { 1, 2, 3 }));
    }

    @Test
    void survives_a_round_trip_through_its_encoding_compactly() {
        Random random = new Random(5);
        PercentileSketch sketch = sketchOf(sample(50_000, () -> random.nextDouble() < 0.1 ? 0
                : Math.exp(random.nextGaussian() * 2) * (random.nextBoolean() ? 1 : -1)));
        BinaryWriter out = new BinaryWriter();
        sketch.writeTo(out);

        PercentileSketch read = PercentileSketch.readFrom(new BinaryReader(out.toByteArray()));

        assertThat(read).isEqualTo(sketch);
        assertThat(read.quantile(0.99)).isEqualTo(sketch.quantile(0.99));
        // Occupied buckets only: a few bytes each, however many values.
        assertThat(out.size()).isLessThan(sketch.bucketCount() * 5 + 16);
    }

    @Test
    void a_few_values_take_a_few_bytes() {
        BinaryWriter out = new BinaryWriter();
        sketchOf(new double[] { 12, 12, 13, 250 }).writeTo(out);
        assertThat(out.size()).isLessThan(16);
    }

    @Test
    void an_empty_sketch_has_no_percentiles() {
        assertThat(new PercentileSketch().quantile(0.5)).isNaN();
        assertThat(new PercentileSketch().isEmpty()).isTrue();
    }

    @Test
    void a_copy_is_independent_of_the_original() {
        PercentileSketch original = sketchOf(new double[] { 1, 2 });
        PercentileSketch copy = original.copy();
        copy.add(1_000);
        assertThat(original.count()).isEqualTo(2);
        assertThat(copy.count()).isEqualTo(3);
    }

    /** Nearest rank: the value at rank ceil(q * n), the first for q = 0. */
    static double exactQuantile(double[] sorted, double quantile) {
        int rank = (int) Math.max(1, Math.ceil(quantile * sorted.length));
        return sorted[Math.min(rank, sorted.length) - 1];
    }

    private static void assertWithinOnePercent(double[] values) {
        PercentileSketch sketch = sketchOf(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (double quantile : QUANTILES) {
            double exact = exactQuantile(sorted, quantile);
            assertThat(sketch.quantile(quantile)).as("quantile %s of %s values", quantile, values.length)
                    .isCloseTo(exact, within(Math.abs(exact) * 0.01));
        }
    }

    private static double exactRankOfFirstZero(double[] sorted) {
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] == 0) {
                return (double) (i + 1) / sorted.length;
            }
        }
        throw new AssertionError("no zero");
    }

    private static PercentileSketch sketchOf(double[] values) {
        PercentileSketch sketch = new PercentileSketch();
        for (double value : values) {
            sketch.add(value);
        }
        return sketch;
    }

    private static double[] sample(int count, DoubleSupplier next) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = next.getAsDouble();
        }
        return values;
    }
}
