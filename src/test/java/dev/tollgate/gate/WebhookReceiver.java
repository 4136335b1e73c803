package dev.tollgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A team's webhook receiver on a free local port: it keeps what it is sent, answers the statuses
 * it is told to (then 200), and can take its time answering.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived; header names in lower case. */
    record Received(String method, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final AtomicInteger answered = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;

    private WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    static WebhookReceiver start() {
        return new WebhookReceiver();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/tollgate";
    }

    /** Answers these statuses to the next requests, in order, and 200 after them. */
    WebhookReceiver answering(Integer... next) {
        statuses.addAll(List.of(next));
        return this;
    }

    /** Takes this long before answering each request. */
    WebhookReceiver slow(Duration delay) {
        this.delay = delay;
        return this;
    }

    int answered() {
        return answered.get();
    }

    /** Waits until the receiver has answered {@code count} requests, at most {@code timeout}. */
    void awaitAnswers(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (answered.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(answered.get()).as("answers given within %s", timeout).isGreaterThanOrEqualTo(count);
    }

    /** The next request received, waiting for it at most {@code timeout}. */
    Received next(Duration timeout) throws InterruptedException {
        Received next = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(next).as("a request to the webhook within %s", timeout).isNotNull();
        return next;
    }

    void expectNothingWithin(Duration timeout) throws InterruptedException {
        assertThat(received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("a request to the webhook").isNull();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    values.getFirst()));
            received.add(new Received(exchange.getRequestMethod(), headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Thread.sleep(delay);
            Integer status = statuses.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            answered.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
