package dev.tollgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signs_the_body_with_hmac_sha256_in_hex_behind_the_algorithm_name() {
        // The known answer Wikipedia's HMAC article gives for HMAC-SHA256.
        String signature = WebhookSignature.of("key",
                "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void another_secret_or_another_body_gives_another_signature() {
        byte[] body = "{\"event\": \"gate.evaluation\"}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.of("a-secret-of-sixteen", body);

        assertThat(WebhookSignature.of("another-secret-of-16", body)).isNotEqualTo(signature);
        assertThat(WebhookSignature.of("a-secret-of-sixteen", "{}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(signature);
        assertThat(WebhookSignature.of("a-secret-of-sixteen", body)).isEqualTo(signature);
    }
}
