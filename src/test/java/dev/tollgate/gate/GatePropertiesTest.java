package dev.tollgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** {@code tollgate.gate.*}: the defaults, and a commit linger that would slow every answer refused at start. */
class GatePropertiesTest {

    @Test
    void unset_settings_take_their_defaults() {
        GateProperties properties = new GateProperties(null, null);

        assertThat(properties.storeTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(properties.commitLinger()).isEqualTo(Duration.ofNanos(500_000));
    }

    @Test
    void a_commit_linger_is_between_zero_and_100_ms() {
        assertThat(new GateProperties(null, Duration.ZERO).commitLinger()).isZero();
        assertThat(new GateProperties(null, Duration.ofMillis(100)).commitLinger()).isEqualTo(Duration.ofMillis(100));
        assertThatThrownBy(() -> new GateProperties(null, Duration.ofMillis(101)))
                .hasMessageContaining("tollgate.gate.commit-linger must be between 0 and 100 ms");
        assertThatThrownBy(() -> new GateProperties(null, Duration.ofNanos(-1)))
                .hasMessageContaining("tollgate.gate.commit-linger");
    }
}
