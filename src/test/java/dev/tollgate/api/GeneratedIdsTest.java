package dev.tollgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class GeneratedIdsTest {

    @Test
    void ids_are_version_7_uuids_of_the_current_millisecond_and_valid() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(GeneratedIds.next());
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
        assertThat(GeneratedIds.isValid(id.toString())).isTrue();
    }

    @Test
    void ids_made_in_turn_sort_in_turn_across_milliseconds_and_never_repeat() throws InterruptedException {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(GeneratedIds.next());
            Thread.sleep(2);
        }
        assertThat(made).isSorted();

        var many = new HashSet<String>();
        for (int i = 0; i < 100_000; i++) {
            many.add(GeneratedIds.next());
        }
        assertThat(many).hasSize(100_000);
    }
}
