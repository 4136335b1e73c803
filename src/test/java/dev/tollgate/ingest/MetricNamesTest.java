package dev.tollgate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricNamesTest {

    private final MetricNames names = new MetricNames();

    @Test
    void names_a_field_of_a_measurement_with_the_same_string_every_time() {
        String measurement = "http";
        String field = "errors";
        String first = names.metricOf(measurement, field);

        assertThat(first).isEqualTo("http.errors");
        assertThat(names.metricOf(measurement, field)).isSameAs(first);
        assertThat(names.metricOf(measurement, "value")).isEqualTo("http");
    }

    @Test
    void refuses_a_pair_that_makes_no_metric_key_every_time_it_is_asked() {
        String measurement = "9http";
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> names.metricOf(measurement, "value")).isInstanceOf(BadLine.class)
                    .hasMessageContaining("is no metric key");
        }
    }

    @Test
    void answers_the_same_string_for_equal_measurements_of_different_series() {
        String metric = names.metricOf("http", "latency_ms");
        assertThat(names.metricOf(new String("http".toCharArray()), new String("latency_ms".toCharArray())))
                .isSameAs(metric);
    }
}
