package dev.tollgate.metrics.jdbc;

import java.util.Arrays;

/**
 * A mergeable sketch of a distribution that answers any percentile with a relative error of at
 * most {@link #RELATIVE_ACCURACY} (the DDSketch idea: logarithmic buckets). A positive value
 * {@code v} counts in bucket {@code ceil(log(v) / log(gamma))}, whose every value lies within the
 * relative accuracy of the bucket's representative; negative values count by magnitude in a
 * mirrored set of buckets and zeros on their own, so zero and negative figures are exact in sign
 * and as accurate as positive ones.
 *
 * <p>Merging adds bucket counts, so a merged sketch is exactly the sketch of the union: percentiles
 * of a window come from the merged sketches of its hours and minutes, never from averaged
 * percentiles. Only occupied buckets are kept and written, so a minute with a handful of values
 * costs a handful of bytes. Not thread-safe.
 *
 * <p>Memory holds hundreds of thousands of these at once (a sketch per series and minute waits in
 * the rollups between flushes), so the negative buckets, which most metrics never need, are made
 * only for a negative value, and merging reuses the arrays when they have room.
 */
final class PercentileSketch {

    /** Below the 1% the port promises, with room for rounding at bucket boundaries. */
    static final double RELATIVE_ACCURACY = 0.009;
    private static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
    private static final double LOG_GAMMA = Math.log(GAMMA);
    /** log(2 / (gamma + 1)): in the exponent, so that the largest buckets do not overflow. */
    private static final double LOG_REPRESENTATIVE = Math.log(2 / (GAMMA + 1));

    private final Buckets positive;
    /** Null until a negative value comes. */
    private Buckets negative;
    private long zeroCount;

    PercentileSketch() {
        this(new Buckets(), null, 0);
    }

    private PercentileSketch(Buckets positive, Buckets negative, long zeroCount) {
        this.positive = positive;
        this.negative = negative;
        this.zeroCount = zeroCount;
    }

    PercentileSketch copy() {
        return new PercentileSketch(positive.copy(), negative == null ? null : negative.copy(), zeroCount);
    }

    /** Roughly what it takes in memory. */
    long bytes() {
        return 32 + positive.bytes() + (negative == null ? 0 : negative.bytes());
    }

    void add(double value) {
        add(value, 1);
    }

    /** Adds {@code value} {@code times} times. */
    void add(double value, long times) {
        if (value > 0) {
            positive.add(index(value), times);
        } else if (value < 0) {
            negatives().add(index(-value), times);
        } else {
            zeroCount += times;
        }
    }

    void merge(PercentileSketch other) {
        positive.merge(other.positive);
        if (other.negative != null) {
            negatives().merge(other.negative);
        }
        zeroCount += other.zeroCount;
    }

    long count() {
        return positive.total() + negativeCount() + zeroCount;
    }

    boolean isEmpty() {
        return count() == 0;
    }

    /**
     * The value of nearest rank {@code ceil(q * n)} (at least the first), within the relative
     * accuracy; NaN when the sketch is empty.
     *
     * @param quantile between 0 and 1
     */
    double quantile(double quantile) {
        long count = count();
        if (count == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * count));
        rank = Math.min(rank, count);
        long negatives = negativeCount();
        if (rank <= negatives) {
            // The most negative value comes first: walk the magnitudes from the largest.
            return -value(negative.indexAtRankFromTop(rank));
        }
        rank -= negatives;
        if (rank <= zeroCount) {
            return 0;
        }
        return value(positive.indexAtRank(rank - zeroCount));
    }

    void writeTo(BinaryWriter out) {
        positive.writeTo(out);
        negativesOrNone().writeTo(out);
        out.writeUnsigned(zeroCount);
    }

    static PercentileSketch readFrom(BinaryReader in) {
        Buckets positive = Buckets.readFrom(in);
        Buckets negative = Buckets.readFrom(in);
        return new PercentileSketch(positive, negative.size == 0 ? null : negative, in.readUnsigned());
    }

    /** Buckets kept, for tests of the sketch's size. */
    int bucketCount() {
        return positive.size + (negative == null ? 0 : negative.size) + (zeroCount > 0 ? 1 : 0);
    }

    /** Buckets of either sign allocated in memory, for tests of what the sketch takes. */
    int capacity() {
        return positive.indexes.length + (negative == null ? 0 : negative.indexes.length);
    }

    private Buckets negatives() {
        if (negative == null) {
            negative = new Buckets();
        }
        return negative;
    }

    private long negativeCount() {
        return negative == null ? 0 : negative.total();
    }

    private Buckets negativesOrNone() {
        return negative == null ? Buckets.NONE : negative;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PercentileSketch sketch && zeroCount == sketch.zeroCount
                && positive.equals(sketch.positive) && negativesOrNone().equals(sketch.negativesOrNone());
    }

    @Override
    public int hashCode() {
        return 31 * (31 * positive.hashCode() + negativesOrNone().hashCode()) + Long.hashCode(zeroCount);
    }

    private static int index(double magnitude) {
        double index = Math.ceil(Math.log(magnitude) / LOG_GAMMA);
        // Every finite double maps well inside the int range (about ±40,000).
        return (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE - 1, index));
    }

    /** The representative of bucket {@code index}: equally far, relatively, from both its bounds. */
    private static double value(int index) {
        return Math.min(Double.MAX_VALUE, Math.exp(index * LOG_GAMMA + LOG_REPRESENTATIVE));
    }

    /** Occupied buckets: sorted indexes with their counts. */
    private static final class Buckets {

        private static final int FEW_BUCKETS = 8;
        private static final int[] NO_INDEXES = {};
        private static final long[] NO_COUNTS = {};
        /** No buckets; never changed. */
        static final Buckets NONE = new Buckets();

        private int[] indexes;
        private long[] counts;
        private int size;
        private long total;

        Buckets() {
            this(NO_INDEXES, NO_COUNTS, 0, 0);
        }

        private Buckets(int[] indexes, long[] counts, int size, long total) {
            this.indexes = indexes;
            this.counts = counts;
            this.size = size;
            this.total = total;
        }

        long bytes() {
            return 80 + 12L * indexes.length;
        }

        Buckets copy() {
            return size == 0 ? new Buckets()
                    : new Buckets(Arrays.copyOf(indexes, size), Arrays.copyOf(counts, size), size, total);
        }

        long total() {
            return total;
        }

        void add(int index, long count) {
            int at = Arrays.binarySearch(indexes, 0, size, index);
            if (at >= 0) {
                counts[at] += count;
            } else {
                insert(-at - 1, index, count);
            }
            total += count;
        }

        void merge(Buckets other) {
            if (other.size == 0) {
                return;
            }
            if (other.size <= FEW_BUCKETS) {
                // The common case of a minute's values merged into a larger sketch: in place.
                for (int i = 0; i < other.size; i++) {
                    add(other.indexes[i], other.counts[i]);
                }
                return;
            }
            int union = unionSize(other);
            if (union > indexes.length) {
                // Room for the union, and to spare when these buckets keep growing (an hour's
                // sketch merging its minutes): each merge into them would allocate otherwise.
                int capacity = size == 0 ? union : Math.max(union, indexes.length + (indexes.length >> 1));
                indexes = Arrays.copyOf(indexes, capacity);
                counts = Arrays.copyOf(counts, capacity);
            }
            // From the largest index down, into these arrays: a slot is written only once the
            // bucket it held has been read, as at least as many buckets remain to be written.
            int i = size - 1;
            int j = other.size - 1;
            for (int n = union - 1; n >= 0; n--) {
                if (j < 0 || (i >= 0 && indexes[i] > other.indexes[j])) {
                    indexes[n] = indexes[i];
                    counts[n] = counts[i--];
                } else if (i < 0 || other.indexes[j] > indexes[i]) {
                    indexes[n] = other.indexes[j];
                    counts[n] = other.counts[j--];
                } else {
                    indexes[n] = indexes[i];
                    counts[n] = counts[i--] + other.counts[j--];
                }
            }
            size = union;
            total += other.total;
        }

        /** How many distinct buckets these and {@code other} hold together. */
        private int unionSize(Buckets other) {
            int i = 0;
            int j = 0;
            int union = 0;
            while (i < size && j < other.size) {
                int mine = indexes[i];
                int theirs = other.indexes[j];
                i += mine <= theirs ? 1 : 0;
                j += theirs <= mine ? 1 : 0;
                union++;
            }
            return union + (size - i) + (other.size - j);
        }

        /** The bucket holding the value of 1-based {@code rank}, counting from the smallest index. */
        int indexAtRank(long rank) {
            long seen = 0;
            for (int i = 0; i < size; i++) {
                seen += counts[i];
                if (seen >= rank) {
                    return indexes[i];
                }
            }
            throw new IllegalStateException("Rank " + rank + " beyond " + total);
        }

        int indexAtRankFromTop(long rank) {
            long seen = 0;
            for (int i = size - 1; i >= 0; i--) {
                seen += counts[i];
                if (seen >= rank) {
                    return indexes[i];
                }
            }
            throw new IllegalStateException("Rank " + rank + " beyond " + total);
        }

        void writeTo(BinaryWriter out) {
            out.writeUnsigned(size);
            int previous = 0;
            for (int i = 0; i < size; i++) {
                // The first index as a signed delta from 0, the others as gaps of at least one.
                if (i == 0) {
                    out.writeSigned(indexes[0]);
                } else {
                    out.writeUnsigned(indexes[i] - previous - 1L);
                }
                previous = indexes[i];
                out.writeUnsigned(counts[i]);
            }
        }

        static Buckets readFrom(BinaryReader in) {
            int size = in.readCount();
            if (size == 0) {
                return new Buckets();
            }
            int[] indexes = new int[size];
            long[] counts = new long[size];
            long total = 0;
            long index = 0;
            for (int i = 0; i < size; i++) {
                index = i == 0 ? in.readSigned() : index + in.readUnsigned() + 1;
                if (index < Integer.MIN_VALUE || index > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("A bucket index out of range");
                }
                indexes[i] = (int) index;
                counts[i] = in.readUnsigned();
                total += counts[i];
            }
            return new Buckets(indexes, counts, size, total);
        }

        private void insert(int at, int index, long count) {
            if (size == indexes.length) {
                // Doubling from eight: a minute's handful of values, or a total merged bucket by
                // bucket, grew the arrays once per few buckets (a tenth of what ingest allocated).
                int capacity = Math.max(8, size * 2);
                indexes = Arrays.copyOf(indexes, capacity);
                counts = Arrays.copyOf(counts, capacity);
            }
            System.arraycopy(indexes, at, indexes, at + 1, size - at);
            System.arraycopy(counts, at, counts, at + 1, size - at);
            indexes[at] = index;
            counts[at] = count;
            size++;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Buckets buckets && size == buckets.size
                    && Arrays.equals(indexes, 0, size, buckets.indexes, 0, size)
                    && Arrays.equals(counts, 0, size, buckets.counts, 0, size);
        }

        @Override
        public int hashCode() {
            int hash = size;
            for (int i = 0; i < size; i++) {
                hash = 31 * (31 * hash + indexes[i]) + Long.hashCode(counts[i]);
            }
            return hash;
        }
    }
}
