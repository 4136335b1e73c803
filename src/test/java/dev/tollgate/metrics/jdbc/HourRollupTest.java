package dev.tollgate.metrics.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class HourRollupTest {

    private static final long HOUR = Minutes.hourOf(Instant.parse("2026-11-26T10:00:00Z"));

    @Test
    void packs_and_unpacks_the_minutes_of_an_hour() {
        HourRollup rollup = HourRollup.empty(HOUR);
        rollup.merge(HOUR * 60, summary(HOUR * 60, 1, 2, 3));
        rollup.merge(HOUR * 60 + 59, summary(HOUR * 60 + 59, -4.5, 0, 1e9));
        rollup.merge(HOUR * 60 + 30, summary(HOUR * 60 + 30, 7, 7, 7));

        ValueSummary[] minutes = HourRollup.decodeMinutes(HOUR, rollup.encodeMinutes(), true);

        assertThat(minutes[0].count()).isEqualTo(3);
        assertThat(minutes[0].sum()).isEqualTo(6);
        assertThat(minutes[59].min()).isEqualTo(-4.5);
        assertThat(minutes[59].max()).isEqualTo(1e9);
        assertThat(minutes[59].lastValue()).isEqualTo(1e9);
        assertThat(minutes[59].sketch()).isEqualTo(summary(HOUR * 60 + 59, -4.5, 0, 1e9).sketch());
        // Equal values need no stored sketch; it is rebuilt from them.
        assertThat(minutes[30].sketch()).isEqualTo(summary(HOUR * 60 + 30, 7, 7, 7).sketch());
        assertThat(minutes[30].lastTime()).isEqualTo((HOUR * 60 + 30) * Minutes.MICROS_PER_MINUTE + 2);
        assertThat(minutes[1]).isNull();
        assertThat(rollup.whole().count()).isEqualTo(9);
        assertThat(rollup.whole().lastValue()).isEqualTo(1e9);
    }

    @Test
    void skips_the_sketches_when_a_read_needs_none() {
        HourRollup rollup = HourRollup.empty(HOUR);
        rollup.merge(HOUR * 60 + 5, summary(HOUR * 60 + 5, 1, 2, 3));

        ValueSummary[] minutes = HourRollup.decodeMinutes(HOUR, rollup.encodeMinutes(), false);

        assertThat(minutes[5].sketch()).isNull();
        assertThat(minutes[5].sum()).isEqualTo(6);
    }

    @Test
    void a_counter_written_every_ten_seconds_for_an_hour_takes_a_few_hundred_bytes() {
        HourRollup rollup = HourRollup.empty(HOUR);
        for (int minute = 0; minute < 60; minute++) {
            ValueSummary values = new ValueSummary();
            for (int i = 0; i < 6; i++) {
                values.add(3, (HOUR * 60 + minute) * Minutes.MICROS_PER_MINUTE + i * 10_000_000L);
            }
            rollup.merge(HOUR * 60 + minute, values);
        }
        assertThat(rollup.encodeMinutes().length).isLessThan(600);
    }

    private static ValueSummary summary(long minute, double... values) {
        ValueSummary summary = new ValueSummary();
        for (int i = 0; i < values.length; i++) {
            summary.add(values[i], minute * Minutes.MICROS_PER_MINUTE + i);
        }
        return summary;
    }
}
