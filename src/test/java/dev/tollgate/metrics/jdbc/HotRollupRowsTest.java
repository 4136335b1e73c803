package dev.tollgate.metrics.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HotRollupRowsTest {

    @Test
    void keeps_the_rows_the_last_flushes_wrote_and_drops_the_others() {
        HotRollupRows rows = new HotRollupRows(1 << 20);
        StoredHour current = RecentRollupRowsTest.row(10);
        rows.put(1, 10, RecentRollupRowsTest.row(10));
        rows.put(2, 9, RecentRollupRowsTest.row(10));
        rows.flushed();

        // A steady stream: every flush writes the current hour's row again.
        for (int flush = 0; flush < HotRollupRows.KEPT_FLUSHES - 1; flush++) {
            rows.put(1, 10, current);
            rows.flushed();
        }
        assertThat(rows.get(2, 9)).isNotNull();
        rows.put(1, 10, current);
        rows.flushed();

        assertThat(rows.get(1, 10)).isSameAs(current);
        assertThat(rows.get(2, 9)).isNull();
        assertThat(rows.size()).isEqualTo(1);
    }

    @Test
    void flushes_with_nothing_to_write_age_the_rows_too() {
        HotRollupRows rows = new HotRollupRows(1 << 20);
        rows.put(1, 10, RecentRollupRowsTest.row(10));
        rows.flushed();

        for (int quiet = 0; quiet < HotRollupRows.KEPT_FLUSHES; quiet++) {
            rows.get(1, 10);
            rows.flushed();
        }

        assertThat(rows.size()).isZero();
    }

    @Test
    void beyond_its_size_drops_the_rows_used_longest_ago() {
        // Room for two rows of 1,000 bytes, not three; the first row stays in use.
        HotRollupRows rows = new HotRollupRows(2_500);
        for (long series = 1; series <= 3; series++) {
            rows.put(series, 10, RecentRollupRowsTest.row(1_000));
            rows.get(1, 10);
        }

        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.get(1, 10)).isNotNull();
        assertThat(rows.get(2, 10)).isNull();
    }
}
