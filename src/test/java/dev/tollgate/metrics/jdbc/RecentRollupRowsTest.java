package dev.tollgate.metrics.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class RecentRollupRowsTest {

    private static StoredHour row(int minutesBytes) {
        return new StoredHour(1, 1, 1, 1, 1, 0, new byte[4], new byte[minutesBytes]);
    }

    @Test
    void keeps_rows_and_rows_known_to_be_absent_apart_from_rows_not_known() {
        RecentRollupRows rows = new RecentRollupRows(1 << 20);
        StoredHour stored = row(100);
        rows.put(1, 10, stored);
        rows.put(2, 10, null);

        assertThat(rows.get(1, 10)).containsSame(stored);
        assertThat(rows.get(2, 10)).isEqualTo(Optional.empty());
        assertThat(rows.get(3, 10)).isNull();
        assertThat(rows.get(1, 11)).isNull();
    }

    @Test
    void a_flush_replaces_the_rows_reads_asked_for_and_adds_no_others() {
        RecentRollupRows rows = new RecentRollupRows(1 << 20);
        rows.put(1, 10, row(10));
        rows.put(2, 10, null);
        StoredHour flushed = row(20);
        StoredHour created = row(30);

        rows.replace(1, 10, flushed);
        rows.replace(2, 10, created);
        rows.replace(3, 10, row(40));

        assertThat(rows.get(1, 10)).containsSame(flushed);
        assertThat(rows.get(2, 10)).containsSame(created);
        assertThat(rows.get(3, 10)).isNull();
    }

    @Test
    void drops_the_least_recently_used_rows_beyond_its_size() {
        // Room for two rows of 1,000 bytes and their keys, not three.
        RecentRollupRows rows = new RecentRollupRows(2_500);
        rows.put(1, 10, row(1_000));
        rows.put(2, 10, row(1_000));
        rows.get(1, 10);
        rows.put(3, 10, row(1_000));

        assertThat(rows.get(2, 10)).isNull();
        assertThat(rows.get(1, 10)).isPresent();
        assertThat(rows.get(3, 10)).isPresent();
        assertThat(rows.size()).isEqualTo(2);
    }

    @Test
    void hours_dropped_for_retention_are_never_kept_again() {
        RecentRollupRows rows = new RecentRollupRows(1 << 20);
        rows.put(1, 9, row(10));
        rows.put(1, 10, row(10));

        rows.dropBefore(10);
        // A read that fetched the old row before retention deleted it comes too late.
        rows.put(1, 9, row(10));

        assertThat(rows.get(1, 9)).isNull();
        assertThat(rows.get(1, 10)).isPresent();
    }
}
