package dev.tollgate.metrics.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Deflated bytes inflate to what went in, whether they shrank a thousandfold or grew. */
class CompressionTest {

    @Test
    void gives_back_content_that_does_not_compress() {
        byte[] content = new byte[200_000];
        new SplittableRandom(5).nextBytes(content);

        assertRoundTrip(content);
    }

    @Test
    void gives_back_content_that_compresses_far_beyond_a_first_guess() {
        assertRoundTrip(new byte[3_000_000]);
        assertRoundTrip(new byte[] { 42 });
        assertRoundTrip(new byte[0]);
    }

    @Test
    void refuses_truncated_data() {
        byte[] content = new byte[10_000];
        new SplittableRandom(6).nextBytes(content);
        byte[] deflated = Compression.deflate(1, writerOf(content));

        assertThatThrownBy(() -> Compression.inflate(Arrays.copyOf(deflated, deflated.length / 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRoundTrip(byte[] content) {
        byte[] deflated = Compression.deflate(7, writerOf(content));

        assertThat(deflated[0]).isEqualTo((byte) 7);
        assertThat(Compression.inflate(deflated)).isEqualTo(content);
    }

    private static BinaryWriter writerOf(byte[] content) {
        BinaryWriter writer = new BinaryWriter(content.length);
        writer.writeBytes(content, 0, content.length);
        return writer;
    }
}
