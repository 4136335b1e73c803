package dev.tollgate.metrics.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.tollgate.metrics.MetricSelector;

class StoredSeriesTest {

    private final StoredSeries series = new StoredSeries();

    @Test
    void finds_the_series_each_selector_reads() {
        series.register(new SeriesKey("errors", "payments", "ledger", "prod"), 1);
        series.register(new SeriesKey("errors", "payments", "ledger", "gamma"), 2);
        series.register(new SeriesKey("errors", SeriesKey.ALL, "ledger", SeriesKey.ALL), 3);
        series.register(new SeriesKey("errors", "payments", SeriesKey.ALL, SeriesKey.ALL), 4);
        series.register(new SeriesKey("latency", "payments", "ledger", "prod"), 5);

        assertThat(series.idsOf(MetricSelector.ofService("errors", "ledger", "prod"))).containsExactly(1L);
        assertThat(series.idsOf(MetricSelector.ofService("errors", "ledger", null))).containsExactly(3L);
        assertThat(series.idsOf(MetricSelector.ofTeam("errors", "payments"))).containsExactly(4L);
        assertThat(series.idsOf(MetricSelector.ofService("throttles", "ledger", "prod"))).isEmpty();
        assertThat(series.id(new SeriesKey("latency", "payments", "ledger", "prod"))).isEqualTo(5L);
        assertThat(series.id(new SeriesKey("latency", "payments", "ledger", "beta"))).isNull();
    }

    @Test
    void a_series_registered_after_a_read_is_in_the_next_read() {
        MetricSelector prod = MetricSelector.ofService("errors", "ledger", "prod");
        series.register(new SeriesKey("errors", "payments", "ledger", "prod"), 1);
        assertThat(series.idsOf(prod)).containsExactly(1L);
        assertThat(series.idsOf(prod)).isSameAs(series.idsOf(prod));

        // The same placement under another team (the service moved) is another series.
        series.register(new SeriesKey("errors", "billing", "ledger", "prod"), 7);

        assertThat(series.idsOf(prod)).containsExactly(1L, 7L);
    }

    @Test
    void a_series_of_another_metric_leaves_what_was_remembered() {
        MetricSelector prod = MetricSelector.ofService("errors", "ledger", "prod");
        series.register(new SeriesKey("errors", "payments", "ledger", "prod"), 1);
        var remembered = series.idsOf(prod);

        series.register(new SeriesKey("latency", "payments", "ledger", "prod"), 2);
        series.register(new SeriesKey("errors", "payments", "ledger", "prod"), 1);

        assertThat(series.idsOf(prod)).isSameAs(remembered);
    }
}
