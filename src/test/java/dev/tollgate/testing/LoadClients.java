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
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The clients of the benchmarks: writers that load data, and readers timed one request at a time
 * after a warm-up, each on its own kept-alive connection, either back to back (a closed loop: the
 * most the server answers) or paced (an open loop: the latency at a given rate). Not a test: a tool of measurements that print their figures.
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
        List<long[]> latencies = run(clients, (index, client) -> {
            for (long now = System.nanoTime(); now < ends; now = System.nanoTime()) {
                client.send(request.apply(next.getAndIncrement()).build(), now, now >= warmUpEnds);
            }
        });
        return figures(latencies, measured.toNanos());
    }

    /**
     * {@code clients} clients that together send {@code perSecond} requests, each on a schedule of
     * its own (an open loop, as wrk2 does): {@code warmUp}, then {@code measured}. A request's
     * latency counts from when it was due, not from when it was sent, so a slow answer that holds
     * up the requests behind it counts for each of them ("coordinated omission"): what a pipeline
     * arriving at that moment would have waited.
     */
    public Figures paced(int clients, double perSecond, Duration warmUp, Duration measured,
            IntFunction<HttpRequest.Builder> request) throws Exception {
        long interval = Math.round(1e9 * clients / perSecond);
        long starts = System.nanoTime();
        long warmUpEnds = starts + warmUp.toNanos();
        long ends = warmUpEnds + measured.toNanos();
        List<long[]> latencies = run(clients, (index, client) -> {
            // Client i's k-th request is due at starts + (k + i / clients) intervals: evenly spread.
            for (long k = 0, due = starts + interval * index / clients; due < ends; k++, due += interval) {
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                client.send(request.apply((int) (k * clients + index)).build(), due, due >= warmUpEnds);
            }
        });
        // Answered per second: behind schedule, the last requests due are answered after the end.
        long finished = System.nanoTime();
        return figures(latencies, Math.max(measured.toNanos(), finished - warmUpEnds));
    }

    /** What one client does, sending through {@code client}; {@code index} tells the clients apart. */
    @FunctionalInterface
    private interface Loop {
        void run(int index, Client client) throws Exception;
    }

    /** One client: its kept-alive connection, opened at its first request, and the latencies it measured. */
    private static final class Client implements AutoCloseable {

        private KeptAliveConnection connection;
        private long[] taken = new long[1 << 16];
        private int count;

        /** Sends and waits for the answer; counts the time since {@code from} when {@code measured}. */
        void send(HttpRequest request, long from, boolean measured) throws IOException, InterruptedException {
            if (connection == null) {
                connection = new KeptAliveConnection(request.uri());
            }
            exchange(connection, request);
            long took = System.nanoTime() - from;
            if (measured) {
                if (count == taken.length) {
                    taken = Arrays.copyOf(taken, count * 2);
                }
                taken[count++] = took;
            }
        }

        long[] latencies() {
            return Arrays.copyOf(taken, count);
        }

        @Override
        public void close() throws IOException {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** Runs {@code clients} clients on threads of their own; answers each one's latencies. */
    private static List<long[]> run(int clients, Loop loop) throws Exception {
        List<long[]> latencies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<long[]>> running = new ArrayList<>();
            for (int index = 0; index < clients; index++) {
                int client = index;
                running.add(pool.submit(() -> {
                    try (Client each = new Client()) {
                        loop.run(client, each);
                        return each.latencies();
                    }
                }));
            }
            for (Future<long[]> client : running) {
                latencies.add(client.get());
            }
        }
        return latencies;
    }

    private static Figures figures(List<long[]> latencies, long nanos) {
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Figures(all.length / (nanos / 1e9), all[all.length / 2] / 1e6,
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
