package dev.tollgate.gate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Tollgate-Signature: sha256=<hex>}: the HMAC-SHA256 of the body under the team's secret,
 * as GitHub signs its webhooks, so that a receiver can tell Tollgate's posts from anyone else's.
 */
final class WebhookSignature {

    static final String HEADER = "X-Tollgate-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            // Every Java runtime has HmacSHA256, and any non-empty key suits it.
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
