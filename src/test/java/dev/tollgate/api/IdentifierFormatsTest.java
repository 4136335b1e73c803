package dev.tollgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The hand-written checks of identifiers and metric keys accept exactly what their patterns do. */
class IdentifierFormatsTest {

    /** Every character class the patterns tell apart (the first nine), and some they refuse. */
    private static final String ALPHABET = "azAZ09._-:/ é\u0000\n*";

    @Test
    void identifiers_are_checked_as_the_pattern_says() {
        assertThat(Identifier.isValid("checkout-api.v2_eu")).isTrue();
        assertThat(Identifier.isValid("a".repeat(Identifier.MAX_LENGTH))).isTrue();
        assertThat(Identifier.isValid("a".repeat(Identifier.MAX_LENGTH + 1))).isFalse();
        assertThat(Identifier.isValid("-checkout")).isFalse();
        assertThat(Identifier.isValid("")).isFalse();
        assertThat(Identifier.isValid(null)).isFalse();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            String value = random(random, Identifier.MAX_LENGTH + 2);
            assertThat(Identifier.isValid(value)).as(value).isEqualTo(Identifier.PATTERN.matcher(value).matches());
        }
    }

    @Test
    void metric_keys_are_checked_as_the_pattern_says() {
        assertThat(MetricKey.isValid("http.latency_ms:p99-eu")).isTrue();
        assertThat(MetricKey.isValid("_" + "a".repeat(MetricKey.MAX_LENGTH - 1))).isTrue();
        assertThat(MetricKey.isValid("a".repeat(MetricKey.MAX_LENGTH + 1))).isFalse();
        assertThat(MetricKey.isValid("9lives")).isFalse();
        assertThat(MetricKey.isValid("")).isFalse();
        assertThat(MetricKey.isValid(null)).isFalse();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            String value = random(random, MetricKey.MAX_LENGTH + 2);
            assertThat(MetricKey.isValid(value)).as(value).isEqualTo(MetricKey.PATTERN.matcher(value).matches());
        }
    }

    /** Mostly short strings, some near the length limit. */
    private static String random(SplittableRandom random, int maxLength) {
        int length = random.nextInt(4) == 0 ? maxLength - random.nextInt(4) : random.nextInt(8);
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            // Mostly characters some pattern takes, so that long valid values come up too.
            value.append(ALPHABET.charAt(random.nextInt(random.nextInt(50) == 0 ? ALPHABET.length() : 9)));
        }
        return value.toString();
    }
}
