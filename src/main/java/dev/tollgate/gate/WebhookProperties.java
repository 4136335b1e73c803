package dev.tollgate.gate;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tollgate.gate.webhooks.*}.
 *
 * @param retryDelays how long to wait before each retry of a delivery that failed for a reason
 *                    that may pass (no answer, 5xx, 408, 429): one attempt, then one per delay
 * @param timeout     how long connecting, and then waiting for the answer, may each take
 * @param capacity    deliveries at most under way at once (waiting for a retry included); those
 *                    beyond are dropped and counted, so a dead receiver cannot exhaust memory
 */
@ConfigurationProperties("tollgate.gate.webhooks")
record WebhookProperties(List<Duration> retryDelays, Duration timeout, Integer capacity) {

    WebhookProperties {
        retryDelays = retryDelays == null ? List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30))
                : List.copyOf(retryDelays);
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        capacity = capacity == null ? 1000 : capacity;
    }
}
