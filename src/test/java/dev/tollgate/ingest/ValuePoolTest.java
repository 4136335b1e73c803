package dev.tollgate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ValuePoolTest {

    private final ValuePool pool = new ValuePool();

    private static String copy(String value) {
        return new String(value.toCharArray());
    }

    @Test
    void answers_one_instance_for_equal_strings() {
        String first = pool.string("checkout");

        assertThat(pool.string(copy("checkout"))).isSameAs(first);
        assertThat(pool.string("payments")).isEqualTo("payments");
        assertThat(pool.string(null)).isNull();
    }

    @Test
    void keeps_no_long_string() {
        String long1 = "x".repeat(129);
        pool.string(long1);

        assertThat(pool.string(copy(long1))).isNotSameAs(long1);
    }

    @Test
    void answers_one_unmodifiable_map_for_equal_tag_maps() {
        Map<String, String> first = pool.tags(new LinkedHashMap<>(Map.of("region", "eu-west-1")));

        assertThat(pool.tags(new HashMap<>(Map.of("region", copy("eu-west-1"))))).isSameAs(first);
        assertThatThrownBy(() -> first.put("host", "a")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void passes_maps_with_null_values_on_for_the_checks_to_name() {
        Map<String, String> withNull = new HashMap<>();
        withNull.put("region", null);

        assertThat(pool.tags(withNull)).containsEntry("region", null);
        assertThat(pool.tags(Map.of())).isEmpty();
        assertThat(pool.tags(null)).isNull();
    }
}
