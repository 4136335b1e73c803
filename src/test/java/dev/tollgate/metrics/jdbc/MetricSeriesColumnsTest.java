package dev.tollgate.metrics.jdbc;

import static dev.tollgate.db.Tables.METRIC_SERIES;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.tollgate.api.Identifier;
import dev.tollgate.api.MetricKey;

/** A series row holds any metric key and identifier the API accepts (DESIGN.md: one constant per limit). */
class MetricSeriesColumnsTest {

    @Test
    void series_columns_hold_exactly_a_metric_key_and_identifiers() {
        assertThat(METRIC_SERIES.METRIC.getDataType().length()).isEqualTo(MetricKey.MAX_LENGTH);
        assertThat(METRIC_SERIES.TEAM.getDataType().length()).isEqualTo(Identifier.MAX_LENGTH);
        assertThat(METRIC_SERIES.SERVICE.getDataType().length()).isEqualTo(Identifier.MAX_LENGTH);
        assertThat(METRIC_SERIES.STAGE.getDataType().length()).isEqualTo(Identifier.MAX_LENGTH);
    }
}
