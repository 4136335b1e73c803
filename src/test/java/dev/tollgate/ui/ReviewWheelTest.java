package dev.tollgate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ReviewWheelTest {

    @Test
    void picks_nothing_when_nothing_is_listed() {
        assertThat(new ReviewWheel().spin(List.of())).isEmpty();
    }

    @Test
    void picks_the_service_the_random_number_names() {
        ReviewWheel wheel = new ReviewWheel(new SplittableRandom(7));
        int expected = new SplittableRandom(7).nextInt(3);

        assertThat(wheel.spin(List.of("cart", "ledger", "search-api"))).contains(List.of("cart", "ledger", "search-api")
                .get(expected));
    }

    @Test
    void every_listed_service_comes_up_about_as_often_as_the_others() {
        ReviewWheel wheel = new ReviewWheel();
        List<String> services = List.of("cart", "ledger", "search-api", "auth");
        Map<String, Integer> picks = new HashMap<>();

        for (int i = 0; i < 8_000; i++) {
            picks.merge(wheel.spin(services).orElseThrow(), 1, Integer::sum);
        }

        // 2,000 expected each; six standard deviations (about 39 each) either side.
        assertThat(picks).containsOnlyKeys(services);
        assertThat(picks.values()).allSatisfy(count -> assertThat(count).isBetween(1_760, 2_240));
    }
}
