package dev.tollgate.metrics.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class RecentRollupRowsTest {

    /** A row of {@code minutesBytes} bytes of minutes (not a real blob: for the bookkeeping only). */
    static StoredHour row(int minutesBytes) {
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

    /** A real row of {@code hour}: a value in each of its first {@code minutes} minutes. */
    private static StoredHour hourOf(long hour, int minutes) {
        HourRollup rollup = HourRollup.empty(hour);
        for (int slot = 0; slot < minutes; slot++) {
            ValueSummary values = new ValueSummary();
            values.add(slot, (hour * Minutes.PER_HOUR + slot) * Minutes.MICROS_PER_MINUTE);
            values.add(slot + 1, (hour * Minutes.PER_HOUR + slot) * Minutes.MICROS_PER_MINUTE + 1);
            rollup.merge(hour * Minutes.PER_HOUR + slot, values);
        }
        return StoredHour.of(rollup);
    }

    @Test
    void unpacks_the_minutes_of_a_kept_row_once_and_counts_them_in_its_size() {
        RecentRollupRows rows = new RecentRollupRows(1 << 20);
        StoredHour stored = hourOf(10, 30);
        rows.put(1, 10, stored);
        long packed = rows.bytes();

        ValueSummary[] minutes = rows.minutes(1, 10, stored);

        assertThat(minutes[0].count()).isEqualTo(2);
        assertThat(minutes[29].sum()).isEqualTo(59);
        assertThat(minutes[30]).isNull();
        assertThat(rows.minutes(1, 10, stored)).isSameAs(minutes);
        assertThat(rows.bytes()).isGreaterThan(packed + 30 * 80);
    }

    @Test
    void keeps_no_minutes_of_a_row_it_does_not_hold_and_drops_them_with_their_row() {
        RecentRollupRows rows = new RecentRollupRows(1 << 20);
        StoredHour before = hourOf(10, 5);
        StoredHour flushed = hourOf(10, 6);
        rows.put(1, 10, before);
        ValueSummary[] old = rows.minutes(1, 10, before);

        rows.replace(1, 10, flushed);
        long replaced = rows.bytes();
        ValueSummary[] notHeld = rows.minutes(2, 10, hourOf(10, 7));
        ValueSummary[] stale = rows.minutes(1, 10, before);

        assertThat(replaced).isEqualTo(64 + flushed.bytes());
        assertThat(notHeld[6]).isNotNull();
        assertThat(rows.get(2, 10)).isNull();
        assertThat(stale).isNotSameAs(old);
        assertThat(rows.bytes()).isEqualTo(replaced);
        assertThat(rows.minutes(1, 10, flushed)[5]).isNotNull();
    }

    @Test
    void unpacked_minutes_count_towards_the_size_and_are_dropped_with_the_eldest_rows() {
        StoredHour first = hourOf(10, 60);
        StoredHour second = hourOf(10, 60);
        RecentRollupRows probe = new RecentRollupRows(1 << 20);
        probe.put(2, 10, second);
        probe.minutes(2, 10, second);
        // Room for both rows packed, not for one of them unpacked beside the other.
        RecentRollupRows rows = new RecentRollupRows(probe.bytes() + 64 + first.bytes() - 1);
        rows.put(1, 10, first);
        rows.put(2, 10, second);

        rows.minutes(2, 10, second);

        assertThat(rows.bytes()).isEqualTo(probe.bytes());
        assertThat(rows.get(1, 10)).isNull();
        assertThat(rows.get(2, 10)).containsSame(second);
    }
}
