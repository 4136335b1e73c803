package dev.tollgate.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

    /** What a run of clients measured: requests per second, and every request's latency in nanoseconds, sorted. */
    public record Figures(double perSecond, long[] sortedNanos) {

        /** Sorts {@code nanos} (in place) into figures. */
        public static Figures of(double perSecond, long[] nanos) {
            Arrays.sort(nanos);
            return new Figures(perSecond, nanos);
        }

        public int requests() {
            return sortedNanos.length;
        }

        /** The latency in milliseconds that {@code quantile} of the requests did not exceed (nearest rank). */
        public double percentile(double quantile) {
            int rank = (int) Math.ceil(sortedNanos.length * quantile) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank))] / 1e6;
        }

        public double p50() {
            return percentile(0.5);
        }

        public double p99() {
            return percentile(0.99);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code clients} clients send requests back to back: {@code warmUp}, then {@code measured}, timed one by one. */
    public Figures load(int clients, Duration warmUp, Duration measured, IntFunction<HttpRequest.Builder> request)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        long warmUpEnds = System.nanoTime() + warmUp.toNanos();
        long ends = warmUpEnds + measured.toNanos();
        List<Client> ran = run(clients, (index, client) -> {
            for (long now = System.nanoTime(); now < ends; now = System.nanoTime()) {
                client.send(request.apply(next.getAndIncrement()).build(), now, now >= warmUpEnds);
            }
        });
        return figures(ran, measured.toNanos());
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
        List<Client> ran = run(clients, (index, client) -> {
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
        String timeline = System.getenv("BENCH_LATENCY_LOG");
        if (timeline != null && !timeline.isBlank()) {
            writeTimeline(ran, Path.of(timeline));
        }
        return figures(ran, Math.max(measured.toNanos(), finished - warmUpEnds));
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
        /** What each measured latency counts from: when the request was due (or sent), by {@link System#nanoTime()}. */
        private long[] since = new long[1 << 16];
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
                    since = Arrays.copyOf(since, count * 2);
                }
                since[count] = from;
                taken[count++] = took;
            }
        }

        @Override
        public void close() throws IOException {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** Runs {@code clients} clients on threads of their own; answers them, done, with what they measured. */
    private static List<Client> run(int clients, Loop loop) throws Exception {
        List<Client> ran = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<Client>> running = new ArrayList<>();
            for (int index = 0; index < clients; index++) {
                int client = index;
                running.add(pool.submit(() -> {
                    try (Client each = new Client()) {
                        loop.run(client, each);
                        return each;
                    }
                }));
            }
            for (Future<Client> client : running) {
                ran.add(client.get());
            }
        }
        return ran;
    }

    /**
     * Writes each measured request as a line, in the order they were due: when it was due (Unix time
     * in milliseconds) and its latency in milliseconds. For lining the slow ones up with the server's
     * GC log ({@code -Xlog:gc:file=...:time}) or a flight recording.
     */
    private static void writeTimeline(List<Client> ran, Path file) throws IOException {
        long epochNanos = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        List<long[]> requests = new ArrayList<>();
        for (Client client : ran) {
            for (int i = 0; i < client.count; i++) {
                requests.add(new long[] { client.since[i], client.taken[i] });
            }
        }
        requests.sort(Comparator.comparingLong(request -> request[0]));
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (long[] request : requests) {
                out.write(String.format(Locale.ROOT, "%.3f %.3f%n", (epochNanos + request[0]) / 1e6, request[1] / 1e6));
            }
        }
    }

    private static Figures figures(List<Client> ran, long nanos) {
        long[] all = ran.stream().flatMapToLong(client -> Arrays.stream(client.taken, 0, client.count)).toArray();
        return Figures.of(all.length / (nanos / 1e9), all);
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
