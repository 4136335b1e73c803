package dev.tollgate.gate;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.tollgate.gate.GateMeters.DeliveryOutcome;
import jakarta.annotation.PreDestroy;

/**
 * Tells a team's webhook about a verdict it subscribed to, once the evaluation is committed, and
 * never while the pipeline waits for the verdict: each delivery runs on a virtual thread of its
 * own, retried with the configured delays; at most {@code capacity} are under way, and those
 * beyond are dropped, counted and logged.
 */
@Component
class WebhookDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveries.class);

    private final TeamWebhooks webhooks;
    private final WebhookPayloads payloads;
    private final GateMeters meters;
    private final List<Duration> retryDelays;
    private final Duration timeout;
    private final HttpClient http;
    private final Semaphore room;
    // Virtual threads: a delivery waiting 30 s for its retry, or for a slow receiver, costs no pool thread.
    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();

    WebhookDeliveries(TeamWebhooks webhooks, WebhookPayloads payloads, GateMeters meters, WebhookProperties properties) {
        this.webhooks = webhooks;
        this.payloads = payloads;
        this.meters = meters;
        this.retryDelays = properties.retryDelays();
        this.timeout = properties.timeout();
        this.room = new Semaphore(properties.capacity());
        // Redirects are not followed: a receiver that moved is to be set anew, not chased.
        this.http = HttpClient.newBuilder().connectTimeout(timeout).proxy(ProxySelector.getDefault())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @PreDestroy
    void close() {
        deliveries.shutdownNow();
    }

    /**
     * Runs in the thread that answers the pipeline, right after the commit: it only hands the
     * delivery over. The team's webhook is read by the delivery, in a transaction of its own,
     * since here the evaluation's connection is still held and a second one could wait for a free
     * slot in the pool while the verdict waits for it.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void notifyTeam(GateEvaluated event) {
        if (event.team() == null || !TeamWebhook.NOTIFYING.contains(event.evaluation().verdict())) {
            return;
        }
        if (!room.tryAcquire()) {
            dropped(event, "too many deliveries under way");
            return;
        }
        try {
            deliveries.execute(() -> {
                try {
                    deliver(event);
                } catch (RuntimeException e) {
                    meters.webhookDelivery(DeliveryOutcome.FAILED);
                    LOG.warn("Could not notify team {} of gate evaluation {}", event.team(), event.evaluation().id(), e);
                } finally {
                    room.release();
                }
            });
        } catch (RejectedExecutionException e) {
            room.release();
            dropped(event, "Tollgate is shutting down");
        }
    }

    private void dropped(GateEvaluated event, String why) {
        meters.webhookDelivery(DeliveryOutcome.DROPPED);
        LOG.warn("Dropped the webhook notification of team {} about gate evaluation {}: {}", event.team(),
                event.evaluation().id(), why);
    }

    private void deliver(GateEvaluated event) {
        String id = event.evaluation().id();
        Optional<WebhookTarget> found = webhooks.target(event.team())
                .filter(target -> target.notifies(event.evaluation().verdict()));
        if (found.isEmpty()) {
            return;
        }
        WebhookTarget target = found.get();
        HttpRequest request = request(target, payloads.body(target.format(), event), id);
        try {
            for (int attempt = 1; ; attempt++) {
                Answer answer = send(request);
                if (answer.delivered()) {
                    meters.webhookDelivery(DeliveryOutcome.DELIVERED);
                    LOG.debug("Notified team {} of gate evaluation {} at attempt {}", event.team(), id, attempt);
                    return;
                }
                if (!answer.worthRetrying() || attempt > retryDelays.size()) {
                    meters.webhookDelivery(DeliveryOutcome.FAILED);
                    LOG.warn("Gave up notifying team {} of gate evaluation {} at {} after {} attempt(s): {}",
                            event.team(), id, target.origin(), attempt, answer.what());
                    return;
                }
                LOG.info("Webhook of team {} at {} failed ({}); retrying in {}", event.team(), target.origin(),
                        answer.what(), retryDelays.get(attempt - 1));
                Thread.sleep(retryDelays.get(attempt - 1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            meters.webhookDelivery(DeliveryOutcome.FAILED);
            LOG.warn("Stopped notifying team {} of gate evaluation {}: Tollgate is shutting down", event.team(), id);
        }
    }

    private HttpRequest request(WebhookTarget target, byte[] body, String evaluationId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.url()).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Tollgate")
                .header("X-Tollgate-Event", WebhookPayloads.EVENT)
                // The same on every attempt: a receiver that got an attempt we saw fail can skip the next.
                .header("X-Tollgate-Delivery", evaluationId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (target.secret() != null) {
            request.header(WebhookSignature.HEADER, WebhookSignature.of(target.secret(), body));
        }
        return request.build();
    }

    private Answer send(HttpRequest request) throws InterruptedException {
        try {
            return new Answer(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), null);
        } catch (IOException e) {
            return new Answer(0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** A receiver's answer: its status, or (status 0) why there was none. */
    private record Answer(int status, String failure) {

        boolean delivered() {
            return status >= 200 && status < 300;
        }

        /** No answer, a server error, a timeout or a rate limit may pass; any other refusal will not. */
        boolean worthRetrying() {
            return status == 0 || status >= 500 || status == 408 || status == 429;
        }

        String what() {
            return status == 0 ? failure : "HTTP " + status;
        }
    }
}
