package dev.tollgate.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tollgate.testing.InfluxTestServer;
import dev.tollgate.testing.ServerCpu;
import dev.tollgate.testing.TollgateProcess;

/**
 * The ingest benchmark of issue 3, side by side: line protocol, 1,000 series (20 teams × 25
 * services × 2 stages), three fields a line, 5,000 lines a POST, into (a) Tollgate on its embedded
 * H2 store, (b) Tollgate on the InfluxDB adapter, (c) InfluxDB itself; then JSON points into (a).
 * Prints lines per second, the ratios a/c and b/c, JSON points per second, and the peak heap of
 * each Tollgate JVM (run with {@code -Xmx512m}); with each rate, the CPU the server used a line or
 * point ({@link ServerCpu}) and, for Tollgate, the bytes its JVM allocated. Not part of the suite: a measurement, not a test.
 * Run it with {@code bench/run ingest} (README "Benchmarks").
 *
 * <p>Every target gets the same request bodies, sent by the same number of concurrent writers,
 * after the same warm-up (lines with earlier timestamps, not counted): the JIT of Tollgate and
 * the caches of InfluxDB start warm in all three. The clock runs from the first measured request
 * to the last answer; every answer must be a 2xx (Tollgate answers only once the data is
 * committed, and so does InfluxDB).
 */
public final class IngestBenchmark {

    private static final int TEAMS = 20;
    private static final int SERVICES_PER_TEAM = 25;
    private static final String[] STAGES = { "beta", "prod" };
    private static final int SERIES = TEAMS * SERVICES_PER_TEAM * STAGES.length;
    private static final int LINES_PER_POST = 5_000;
    private static final int WARM_UP_POSTS = 20;
    private static final int JSON_POINTS_PER_POST = 5_000;
    private static final String TOKEN = "bench-" + "0123456789abcdef".repeat(3);

    private final int lines;
    private final int jsonPoints;
    private final int writers;
    private final String targets;
    private final Path jar;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private IngestBenchmark(int lines, int jsonPoints, int writers, String targets, Path jar) {
        this.lines = lines;
        this.jsonPoints = jsonPoints;
        this.writers = writers;
        this.targets = targets;
        this.jar = jar;
    }

    /**
     * Arguments: [lines (1,500,000)] [JSON points (1,000,000)] [concurrent writers (4)] [targets
     * (abc: any of them, to measure one alone)].
     */
    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_500_000;
        int jsonPoints = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int writers = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        String targets = args.length > 3 ? args[3] : "abc";
        new IngestBenchmark(lines, jsonPoints, writers, targets, TollgateProcess.jar()).run();
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "Line protocol: %,d lines of 3 fields over %,d series, %,d lines a POST,"
                + " %d concurrent writers, after %,d lines of warm-up; %d cores%n", lines, SERIES,
                LINES_PER_POST, writers, WARM_UP_POSTS * LINES_PER_POST, Runtime.getRuntime().availableProcessors());
        Instant end = Instant.now().minusSeconds(60);
        List<byte[]> warmUp = lineBodies(WARM_UP_POSTS, end.minus(Duration.ofDays(1)));
        List<byte[]> bodies = lineBodies(lines / LINES_PER_POST, end);
        String influx = InfluxTestServer.url();
        Run c = null;
        if (targets.contains("c")) {
            query(influx, "CREATE DATABASE bench_direct");
            String direct = influx + "/write?db=bench_direct";
            post(direct, warmUp, null, "text/plain");
            c = timed(InfluxTestServer.process(), direct, bodies, null, "text/plain");
            System.out.printf(Locale.ROOT, "(c) InfluxDB directly:             %,12.0f lines/s   %s%n", c.perSecond(lines),
                    c.cpu(lines, "a line"));
        }
        if (targets.contains("a")) {
            try (TollgateProcess tollgate = TollgateProcess.start(jar, List.of(), TOKEN)) {
                Run a = tollgate.measuring(() -> writeLines(tollgate, warmUp, bodies));
                System.out.printf(Locale.ROOT, "(a) Tollgate on its H2 store:      %,12.0f lines/s   a/c = %.2f (target >= 1)"
                        + "   %s%n", a.perSecond(lines), ratio(a, c), tollgate.heap());
                System.out.printf(Locale.ROOT, "    %s; by CPU a line a/c = %.2f%n", a.cpu(lines, "a line"), cpuRatio(a, c));
                System.out.println("    " + storeFigures(tollgate));
                String metrics = tollgate.url() + "/api/v1/metrics";
                Run json = tollgate.measuring(() -> {
                    post(metrics, jsonBodies(WARM_UP_POSTS, end.minus(Duration.ofDays(2))), TOKEN, "application/json");
                    return timed(tollgate, metrics, jsonBodies(jsonPoints / JSON_POINTS_PER_POST,
                            end.minus(Duration.ofHours(12))), "application/json");
                });
                System.out.printf(Locale.ROOT, "    JSON /api/v1/metrics:          %,12.0f points/s (target >= 100,000;"
                        + " %,d points, %,d a POST)   %s   %s%n", json.perSecond(jsonPoints), jsonPoints,
                        JSON_POINTS_PER_POST, json.cpu(jsonPoints, "a point"), tollgate.heap());
            }
        }
        if (targets.contains("b")) {
            // The adapter creates its database when it is missing.
            try (TollgateProcess tollgate = TollgateProcess.start(jar, List.of("--tollgate.influx.url=" + influx,
                    "--tollgate.influx.database=bench_tollgate"), TOKEN)) {
                Run b = tollgate.measuring(() -> writeLines(tollgate, warmUp, bodies));
                System.out.printf(Locale.ROOT, "(b) Tollgate on InfluxDB:          %,12.0f lines/s   b/c = %.2f   %s   %s%n",
                        b.perSecond(lines), ratio(b, c), b.cpu(lines, "a line (Tollgate's alone)"), tollgate.heap());
            }
        }
        System.out.println("Each Tollgate ran with -Xmx512m (target: heap under 512 MiB). CPU is the server process's"
                + " (all its threads: GC and JIT included) while the measured lines were sent, not this client's.");
    }

    /**
     * A measured run: how long sending the bodies took, how much CPU the server used meanwhile
     * ({@link ServerCpu}), and, for a Tollgate, the bytes its JVM allocated (NaN for InfluxDB).
     */
    private record Run(double seconds, double cpuSeconds, double allocated) {

        double perSecond(int count) {
            return count / seconds;
        }

        double cpuMicros(int count) {
            return cpuSeconds * 1e6 / count;
        }

        String cpu(int count, String unit) {
            if (count == 0) {
                return "";
            }
            String cpu = String.format(Locale.ROOT, "CPU %.1f µs %s (%.1f s)", cpuMicros(count), unit, cpuSeconds);
            return Double.isNaN(allocated) ? cpu
                    : cpu + String.format(Locale.ROOT, ", allocated %,.0f bytes %s", allocated / count, unit);
        }
    }

    private static double ratio(Run tollgate, Run influx) {
        return influx == null ? Double.NaN : tollgate.seconds() == 0 ? Double.NaN : influx.seconds() / tollgate.seconds();
    }

    /** InfluxDB's CPU a line over Tollgate's: at least 1 when Tollgate spends no more on a line. */
    private static double cpuRatio(Run tollgate, Run influx) {
        return influx == null ? Double.NaN : influx.cpuSeconds() / tollgate.cpuSeconds();
    }

    /** Sends the bodies as {@link #post} does, and notes the CPU {@code server} used meanwhile (NaN if unknown). */
    private Run timed(Optional<ProcessHandle> server, String url, List<byte[]> bodies, String token, String contentType)
            throws Exception {
        double before = ServerCpu.seconds(server);
        double seconds = post(url, bodies, token, contentType);
        return new Run(seconds, ServerCpu.seconds(server) - before, Double.NaN);
    }

    /** {@link #timed} into a Tollgate, with what its JVM allocated meanwhile. */
    private Run timed(TollgateProcess tollgate, String url, List<byte[]> bodies, String contentType) throws Exception {
        long before = tollgate.allocatedBytes();
        Run run = timed(Optional.of(tollgate.process()), url, bodies, TOKEN, contentType);
        return new Run(run.seconds(), run.cpuSeconds(), tollgate.allocatedBytes() - before);
    }

    /** The lines sent to {@code tollgate}'s /api/v1/write after the warm-up. */
    private Run writeLines(TollgateProcess tollgate, List<byte[]> warmUp, List<byte[]> bodies) throws Exception {
        createCatalog(tollgate);
        String write = tollgate.url() + "/api/v1/write";
        post(write, warmUp, TOKEN, "text/plain");
        return timed(tollgate, write, bodies, "text/plain");
    }

    /**
     * {@code posts} bodies of {@link #LINES_PER_POST} lines: each series once every ten seconds,
     * the last lines at {@code end}, so every POST carries five instants of all 1,000 series.
     */
    private static List<byte[]> lineBodies(int posts, Instant end) {
        List<byte[]> bodies = new ArrayList<>(posts);
        long instants = (long) posts * LINES_PER_POST / SERIES;
        long first = end.minusSeconds(10 * instants).getEpochSecond();
        int line = 0;
        StringBuilder body = new StringBuilder(LINES_PER_POST * 110);
        for (long instant = 0; instant < instants; instant++) {
            long nanos = (first + 10 * instant) * 1_000_000_000L;
            for (int series = 0; series < SERIES; series++) {
                int service = series / STAGES.length;
                body.append("http,service=").append(service(service)).append(",stage=")
                        .append(STAGES[series % STAGES.length]).append(",region=eu-west-1 requests=")
                        .append(200 + (series * 7 + instant * 13) % 800).append("i,errors=")
                        .append((series + instant) % 5).append("i,latency_ms=")
                        .append(20 + (series * 31 + instant * 17) % 400 / 4.0).append(' ').append(nanos).append('\n');
                if (++line % LINES_PER_POST == 0) {
                    bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
                    body.setLength(0);
                }
            }
        }
        return bodies;
    }

    /** {@code posts} JSON arrays of {@link #JSON_POINTS_PER_POST} points, a minute apart per series. */
    private static List<byte[]> jsonBodies(int posts, Instant end) {
        List<byte[]> bodies = new ArrayList<>(posts);
        long instants = (long) posts * JSON_POINTS_PER_POST / SERIES;
        Instant first = end.minusSeconds(60 * instants);
        int point = 0;
        StringBuilder body = new StringBuilder("[");
        for (long instant = 0; instant < instants; instant++) {
            String time = first.plusSeconds(60 * instant).toString();
            for (int series = 0; series < SERIES; series++) {
                if (body.length() > 1) {
                    body.append(',');
                }
                body.append("{\"metric\":\"requests\",\"service\":\"").append(service(series / STAGES.length))
                        .append("\",\"stage\":\"").append(STAGES[series % STAGES.length]).append("\",\"value\":")
                        .append(100 + (series + instant) % 900).append(",\"time\":\"").append(time)
                        .append("\",\"tags\":{\"region\":\"eu-west-1\"}}");
                if (++point % JSON_POINTS_PER_POST == 0) {
                    bodies.add(body.append(']').toString().getBytes(StandardCharsets.UTF_8));
                    body.setLength(0);
                    body.append('[');
                }
            }
        }
        return bodies;
    }

    private static String service(int index) {
        return String.format(Locale.ROOT, "svc-%02d-%02d", index / SERVICES_PER_TEAM, index % SERVICES_PER_TEAM);
    }

    /** Sends the bodies with {@link #writers} concurrent writers; answers the seconds it took. */
    private double post(String url, List<byte[]> bodies, String token, String contentType) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        send(url, bodies.get(i), token, contentType);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private void send(String url, byte[] body, String token, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int attempt = 0;; attempt++) {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            // 429 is Tollgate's back-pressure: a real client waits and retries, and so does this one.
            if (response.statusCode() == 429 && attempt < 100) {
                Thread.sleep(response.headers().firstValueAsLong("Retry-After").orElse(1) * 100);
                continue;
            }
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return;
        }
    }

    private void query(String influx, String statement) throws IOException, InterruptedException {
        send(influx + "/query?q=" + statement.replace(" ", "+"), new byte[0], null, "application/x-www-form-urlencoded");
    }

    /** The catalog the lines write to: 20 teams of 25 services, each with the stages beta and prod. */
    private static void createCatalog(TollgateProcess tollgate) throws Exception {
        StringBuilder config = new StringBuilder("{\"teams\":[");
        for (int team = 0; team < TEAMS; team++) {
            config.append(team == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"id\":\"team-%02d\",\"name\":\"Team %d\"}", team, team));
        }
        config.append("],\"services\":[");
        for (int service = 0; service < TEAMS * SERVICES_PER_TEAM; service++) {
            config.append(service == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"id\":\"%s\",\"team\":\"team-%02d\",\"stages\":[\"beta\",\"prod\"]}", service(service),
                    service / SERVICES_PER_TEAM));
        }
        config.append("]}");
        tollgate.put("/api/v1/config", config.toString());
    }

    /** The embedded store's flushes and the JVM's GC pauses so far, from /actuator/prometheus. */
    private static String storeFigures(TollgateProcess tollgate) throws Exception {
        String text = tollgate.prometheus();
        return String.format(Locale.ROOT, "flushes: %.0f taking %.1f s; GC pauses: %.1f s",
                TollgateProcess.sum(text, "tollgate_metrics_store_flushes_seconds_count"),
                TollgateProcess.sum(text, "tollgate_metrics_store_flushes_seconds_sum"), TollgateProcess.sum(text, "jvm_gc_pause_seconds_sum"));
    }
}
