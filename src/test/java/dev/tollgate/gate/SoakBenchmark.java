package dev.tollgate.gate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import dev.tollgate.testing.TollgateProcess;

/**
 * The soak run of issue 6: a packaged Tollgate on its embedded H2 store under mixed load for a
 * quarter of an hour — line-protocol ingest paced at half the ingest benchmark's best rate on this
 * machine, 16 clients asking the gate back to back, and 2 reading a team scorecard — printing each
 * minute the ingest rate, gate evaluations per second and their p99 as the clients see it, the
 * scorecard's p99, errors, the heap still live after a full GC (run at the end of each minute,
 * so that what is printed is what Tollgate holds, not garbage) and the data folder's size. Targets: no errors, a flat p99 and
 * a heap that does not grow. Not part of the suite: run it with {@code bench/run soak}.
 */
public final class SoakBenchmark {

    private static final int LINES_PER_POST = 5_000;
    private static final int SERIES = GateBenchmark.SERVICES * GateBenchmark.STAGES.length;
    private static final int INGEST_WRITERS = 2;
    private static final String VERSION = "2.0.0";

    private final Duration length;
    private final int linesPerSecond;
    private final int gateClients;
    private final int scorecardClients;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Minute> minute = new AtomicReference<>(new Minute());
    private final AtomicLong ticks = new AtomicLong();

    private SoakBenchmark(Duration length, int linesPerSecond, int gateClients, int scorecardClients) {
        this.length = length;
        this.linesPerSecond = linesPerSecond;
        this.gateClients = gateClients;
        this.scorecardClients = scorecardClients;
    }

    /**
     * Arguments: [minutes (15)] [ingest lines a second (65,000: half the 120k-140k the ingest
     * benchmark measured on H2 here)] [gate clients (16)] [scorecard clients (2)].
     */
    public static void main(String[] args) throws Exception {
        Duration length = Duration.ofMinutes(args.length > 0 ? Long.parseLong(args[0]) : 15);
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 65_000;
        int gate = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int scorecard = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        new SoakBenchmark(length, lines, gate, scorecard).run();
        System.exit(0);
    }

    /** What one minute saw, filled by every client at once. */
    private static final class Minute {
        final LongAdder lines = new LongAdder();
        final LongAdder evaluations = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder throttled = new LongAdder();
        final Latencies gate = new Latencies();
        final Latencies scorecard = new Latencies();
        volatile String firstError;
    }

    private static final class Latencies {
        private long[] nanos = new long[1 << 14];
        private int count;

        synchronized void add(long took) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = took;
        }

        synchronized double p99Millis() {
            if (count == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            return sorted[(int) Math.min(count - 1, Math.ceil(count * 0.99) - 1)] / 1e6;
        }
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "Soak: %d min on the embedded store; ingest paced at %,d lines/s (%d series, 3 fields,"
                + " %,d lines a POST), %d gate clients, %d scorecard clients; %d cores%n", length.toMinutes(), linesPerSecond,
                SERIES, LINES_PER_POST, gateClients, scorecardClients, Runtime.getRuntime().availableProcessors());
        try (TollgateProcess tollgate = TollgateProcess.start(TollgateProcess.jar(), List.of(), GateBenchmark.TOKEN)) {
            tollgate.measuring(() -> {
                GateBenchmark.setUp(tollgate, Instant.now());
                soak(tollgate);
                return null;
            });
        }
    }

    private void soak(TollgateProcess tollgate) throws Exception {
        long startMillis = System.currentTimeMillis();
        history(tollgate, startMillis);
        List<Thread> clients = new ArrayList<>();
        long postsPerSecondTimesWriters = Math.max(1, linesPerSecond / LINES_PER_POST);
        long nanosBetweenPosts = (long) (1e9 * INGEST_WRITERS / postsPerSecondTimesWriters);
        for (int writer = 0; writer < INGEST_WRITERS; writer++) {
            long offset = writer * nanosBetweenPosts / INGEST_WRITERS;
            clients.add(client("ingest-" + writer, () -> {
                long next = System.nanoTime() + offset;
                while (running.get()) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    next += nanosBetweenPosts;
                    HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(tollgate.url() + "/api/v1/write?precision=ms"))
                            .header("Authorization", "Bearer " + GateBenchmark.TOKEN).header("Content-Type", "text/plain")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(lines(startMillis)));
                    if (send(post) != null) {
                        minute.get().lines.add(LINES_PER_POST);
                    }
                }
            }));
        }
        for (int client = 0; client < gateClients; client++) {
            clients.add(client("gate-" + client, () -> {
                for (int index = 0; running.get(); index++) {
                    long started = System.nanoTime();
                    if (send(GateBenchmark.gateRequest(tollgate.url(), index)) != null) {
                        Minute now = minute.get();
                        now.gate.add(System.nanoTime() - started);
                        now.evaluations.increment();
                    }
                }
            }));
        }
        for (int client = 0; client < scorecardClients; client++) {
            int team = client;
            clients.add(client("scorecard-" + client, () -> {
                while (running.get()) {
                    long started = System.nanoTime();
                    if (send(HttpRequest.newBuilder(URI.create(tollgate.url() + "/api/v1/teams/team-"
                            + team % GateBenchmark.TEAMS + "/scorecard?period=P7D"))
                            .header("Authorization", "Bearer " + GateBenchmark.TOKEN).GET()) != null) {
                        minute.get().scorecard.add(System.nanoTime() - started);
                    }
                }
            }));
        }
        System.out.println("minute   lines/s   evaluations/s   gate p99 ms   scorecard p99 ms   errors   429s   live heap MiB   data MiB");
        long errors = 0;
        long firstHeap = -1;
        long lastHeap = 0;
        double lowestP99 = Double.MAX_VALUE;
        double highestP99 = 0;
        long start = System.nanoTime();
        for (int number = 1; number <= length.toMinutes(); number++) {
            long due = start + Duration.ofMinutes(number).toNanos();
            Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
            Minute done = minute.getAndSet(new Minute());
            long heap = tollgate.liveHeapAfterFullGc() >> 20;
            double p99 = done.gate.p99Millis();
            System.out.printf(Locale.ROOT, "%6d %9.0f %15.0f %13.1f %18.1f %8d %6d %15d %10d%s%n", number, done.lines.sum() / 60.0,
                    done.evaluations.sum() / 60.0, p99, done.scorecard.p99Millis(), done.errors.sum(), done.throttled.sum(),
                    heap, tollgate.dataBytes() >> 20, done.firstError == null ? "" : "   first error: " + done.firstError);
            errors += done.errors.sum();
            firstHeap = firstHeap < 0 ? heap : firstHeap;
            lastHeap = heap;
            lowestP99 = Math.min(lowestP99, p99);
            highestP99 = Math.max(highestP99, p99);
        }
        running.set(false);
        for (Thread client : clients) {
            client.join(60_000);
        }
        System.out.printf(Locale.ROOT, "Errors: %d (target 0). Gate p99 per minute from %.1f to %.1f ms (target: flat)."
                + " Live heap after a full GC: %d MiB in the first minute, %d MiB in the last (target: no growth).%n",
                errors, lowestP99, highestP99, firstHeap, lastHeap);
        System.out.printf(Locale.ROOT, "Verdicts: %s%n", GateBenchmark.verdicts(tollgate.prometheus()));
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private Thread client(String name, Work work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Exception e) {
                throw new IllegalStateException(name + " stopped", e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The body of a 2xx answer; null for anything else, counted (429, the ingest path's back-pressure, apart). */
    private String send(HttpRequest.Builder request) throws InterruptedException {
        Minute now = minute.get();
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return response.body();
            }
            if (response.statusCode() == 429) {
                now.throttled.increment();
                return null;
            }
            error(now, response.statusCode() + " " + response.body());
        } catch (IOException e) {
            error(now, e.toString());
        }
        return null;
    }

    private static void error(Minute minute, String what) {
        minute.errors.increment();
        if (minute.firstError == null) {
            minute.firstError = what.length() > 200 ? what.substring(0, 200) : what;
        }
    }

    /**
     * The hour before the run, a point of every series every ten seconds: the rules read windows of
     * up to an hour, so without it every minute of the run would find more in them than the one
     * before, and the gate's latency would climb for want of history, not for a fault.
     */
    private void history(TollgateProcess tollgate, long startMillis) throws Exception {
        StringBuilder body = new StringBuilder();
        int lines = 0;
        for (long millis = startMillis - Duration.ofMinutes(65).toMillis(); millis < startMillis; millis += 10_000) {
            long tick = millis / 10_000;
            for (int series = 0; series < SERIES; series++) {
                line(body, series, tick, millis);
                if (++lines % LINES_PER_POST == 0) {
                    tollgate.post("/api/v1/write?precision=ms", body.toString());
                    body.setLength(0);
                }
            }
        }
        if (!body.isEmpty()) {
            tollgate.post("/api/v1/write?precision=ms", body.toString());
        }
    }

    /**
     * The next {@link #LINES_PER_POST} lines: every series in turn, each round of them a tick of the
     * clock, ticks spaced so that the points arrive at about the time they carry.
     */
    private byte[] lines(long startMillis) {
        StringBuilder body = new StringBuilder(LINES_PER_POST * 90);
        double ticksPerSecond = (double) linesPerSecond / SERIES;
        for (int line = 0; line < LINES_PER_POST; line += SERIES) {
            long tick = ticks.getAndIncrement();
            long millis = startMillis + (long) (tick * 1000 / ticksPerSecond);
            for (int series = 0; series < SERIES && line + series < LINES_PER_POST; series++) {
                line(body, series, tick, millis);
            }
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder body, int series, long tick, long millis) {
        long requests = 500 + (series * 37 + tick * 11) % 700;
        body.append("http,service=").append(GateBenchmark.service(series / GateBenchmark.STAGES.length))
                .append(",stage=").append(GateBenchmark.STAGES[series % GateBenchmark.STAGES.length])
                .append(" requests=").append(requests).append("i,errors=").append((series + tick) % 6)
                .append("i,latency_ms=").append(40 + (series * 31 + tick * 17) % 300).append(' ').append(millis)
                .append('\n');
    }
}
