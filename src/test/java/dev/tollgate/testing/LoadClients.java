package dev.tollgate.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The clients of the benchmarks: writers that load data, and closed-loop readers timed one
 * request at a time after a warm-up, each on its own kept-alive connection. Not a test: a tool of measurements that print their figures.
 */
public final class LoadClients {

    /** What a run of clients measured: requests per second, and the latency at the median and the 99th percentile. */
    public record Figures(double perSecond, double p50, double p99, int requests) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code clients} clients send requests back to back: {@code warmUp}, then {@code measured}, timed one by one. */
    public Figures load(int clients, Duration warmUp, Duration measured, IntFunction<HttpRequest.Builder> request)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        long warmUpEnds = System.nanoTime() + warmUp.toNanos();
        long ends = warmUpEnds + measured.toNanos();
        List<long[]> latencies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<long[]>> running = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                running.add(pool.submit(() -> {
                    long[] taken = new long[1 << 16];
                    int count = 0;
                    KeptAliveConnection connection = null;
                    for (long now = System.nanoTime(); now < ends; now = System.nanoTime()) {
                        HttpRequest each = request.apply(next.getAndIncrement()).build();
                        if (connection == null) {
                            connection = new KeptAliveConnection(each.uri());
                        }
                        exchange(connection, each);
                        long took = System.nanoTime() - now;
                        if (now >= warmUpEnds) {
                            if (count == taken.length) {
                                taken = Arrays.copyOf(taken, count * 2);
                            }
                            taken[count++] = took;
                        }
                    }
                    if (connection != null) {
                        connection.close();
                    }
                    return Arrays.copyOf(taken, count);
                }));
            }
            for (Future<long[]> client : running) {
                latencies.add(client.get());
            }
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Figures(all.length / (measured.toNanos() / 1e9), all[all.length / 2] / 1e6,
                all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)] / 1e6, all.length);
    }

    /** As {@link #send}, on a client's own kept-alive connection. */
    private static void exchange(KeptAliveConnection connection, HttpRequest request) throws IOException, InterruptedException {
        for (int attempt = 0;; attempt++) {
            KeptAliveConnection.Answer answer = connection.exchange(request);
            if ((answer.status() == 429 || answer.status() == 503) && attempt < 100) {
                Thread.sleep(Math.max(1, answer.retryAfter()) * 1000);
                continue;
            }
            if (answer.status() / 100 != 2) {
                throw new IllegalStateException(request.uri() + " answered " + answer.status() + ": " + answer.text());
            }
            return;
        }
    }

    /** Posts {@code posts} bodies of line protocol with {@code writers} writers, in about time order. */
    public void write(String url, String token, int writers, int posts, IntFunction<byte[]> body) throws Exception {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> running = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                running.add(pool.submit(() -> {
                    for (int post = next.getAndIncrement(); post < posts; post = next.getAndIncrement()) {
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofByteArray(body.apply(post)));
                        if (token != null) {
                            request.header("Authorization", "Bearer " + token);
                        }
                        send(request, 0);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
        }
    }

    /**
     * Sends, retrying after {@code Retry-After} on 429 and 503 (Tollgate's back-pressure while its
     * store catches up, as a real client would); fails on anything but a 2xx (or {@code expected}).
     */
    public String send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        for (int attempt = 0;; attempt++) {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if ((response.statusCode() == 429 || response.statusCode() == 503) && attempt < 100) {
                Thread.sleep(response.headers().firstValueAsLong("Retry-After").orElse(1) * 1000);
                continue;
            }
            if (response.statusCode() / 100 != 2 && response.statusCode() != expected) {
                throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        }
    }
}
