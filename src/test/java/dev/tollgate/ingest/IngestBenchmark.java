package dev.tollgate.ingest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

import dev.tollgate.testing.InfluxTestServer;

/**
 * The ingest benchmark of issue 3, side by side: line protocol, 1,000 series (20 teams × 25
 * services × 2 stages), three fields a line, 5,000 lines a POST, into (a) Tollgate on its embedded
 * H2 store, (b) Tollgate on the InfluxDB adapter, (c) InfluxDB itself; then JSON points into (a).
 * Prints lines per second, the ratios a/c and b/c, JSON points per second, and the peak heap of
 * each Tollgate JVM (run with {@code -Xmx512m}). Not part of the suite: a measurement, not a test.
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

    /** Set when a request failed: the Tollgates then keep their data folders and logs. */
    private static volatile boolean failed;

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
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(file -> file.getFileName().toString().matches("tollgate-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "No target/tollgate-*.jar: build it first (./mvnw -DskipTests package)"));
        }
        new IngestBenchmark(lines, jsonPoints, writers, targets, jar).run();
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
        double c = Double.NaN;
        if (targets.contains("c")) {
            query(influx, "CREATE DATABASE bench_direct");
            String direct = influx + "/write?db=bench_direct";
            post(direct, warmUp, null, "text/plain");
            c = lines / post(direct, bodies, null, "text/plain");
            System.out.printf(Locale.ROOT, "(c) InfluxDB directly:             %,12.0f lines/s%n", c);
        }
        if (targets.contains("a")) {
            try (Tollgate tollgate = Tollgate.start(jar, List.of())) {
                double a = writeLines(tollgate, warmUp, bodies);
                System.out.printf(Locale.ROOT, "(a) Tollgate on its H2 store:      %,12.0f lines/s   a/c = %.2f (target >= 1)"
                        + "   %s%n", a, a / c, tollgate.heap());
                System.out.println("    " + tollgate.storeFigures());
                String metrics = tollgate.url + "/api/v1/metrics";
                post(metrics, jsonBodies(WARM_UP_POSTS, end.minus(Duration.ofDays(2))), TOKEN, "application/json");
                double json = jsonPoints / post(metrics, jsonBodies(jsonPoints / JSON_POINTS_PER_POST,
                        end.minus(Duration.ofHours(12))), TOKEN, "application/json");
                System.out.printf(Locale.ROOT, "    JSON /api/v1/metrics:          %,12.0f points/s (target >= 100,000;"
                        + " %,d points, %,d a POST)   %s%n", json, jsonPoints, JSON_POINTS_PER_POST, tollgate.heap());
            }
        }
        if (targets.contains("b")) {
            // The adapter creates its database when it is missing.
            try (Tollgate tollgate = Tollgate.start(jar, List.of("--tollgate.influx.url=" + influx,
                    "--tollgate.influx.database=bench_tollgate"))) {
                double b = writeLines(tollgate, warmUp, bodies);
                System.out.printf(Locale.ROOT, "(b) Tollgate on InfluxDB:          %,12.0f lines/s   b/c = %.2f   %s%n",
                        b, b / c, tollgate.heap());
            }
        }
        System.out.println("Each Tollgate ran with -Xmx512m (target: heap under 512 MiB).");
    }

    /** Lines per second into {@code tollgate}'s /api/v1/write, after the warm-up. */
    private double writeLines(Tollgate tollgate, List<byte[]> warmUp, List<byte[]> bodies) throws Exception {
        tollgate.createCatalog();
        String write = tollgate.url + "/api/v1/write";
        post(write, warmUp, TOKEN, "text/plain");
        return lines / post(write, bodies, TOKEN, "text/plain");
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
                failed = true;
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return;
        }
    }

    private void query(String influx, String statement) throws IOException, InterruptedException {
        send(influx + "/query?q=" + statement.replace(" ", "+"), new byte[0], null, "application/x-www-form-urlencoded");
    }

    /** A packaged Tollgate in a process of its own, on a fresh H2 file, with the bootstrap token. */
    private static final class Tollgate implements AutoCloseable {

        private final Process process;
        private final String url;
        private final Path dataDir;
        private final HttpClient http = HttpClient.newHttpClient();
        private final AtomicLong peakHeap = new AtomicLong();
        private JMXConnector jmx;
        private MemoryMXBean memory;

        private Tollgate(Process process, String url, Path dataDir) {
            this.process = process;
            this.url = url;
            this.dataDir = dataDir;
        }

        static Tollgate start(Path jar, List<String> arguments) throws Exception {
            Path dataDir = Files.createTempDirectory("tollgate-bench-");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m"));
            // For profiling, e.g. BENCH_JVM_OPTIONS=-XX:StartFlightRecording=filename=a.jfr
            String options = System.getenv("BENCH_JVM_OPTIONS");
            if (options != null && !options.isBlank()) {
                command.addAll(List.of(options.trim().split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
                    "--tollgate.data-dir=" + dataDir, "--logging.level.root=WARN"));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("tollgate.log").toFile());
            builder.environment().put("TOLLGATE_BOOTSTRAP_TOKEN", TOKEN);
            builder.environment().remove("TOLLGATE_ADMIN_PASSWORD");
            Tollgate tollgate = new Tollgate(builder.start(), "http://127.0.0.1:" + port, dataDir);
            tollgate.awaitHealthy();
            tollgate.watchHeap();
            return tollgate;
        }

        private void awaitHealthy() throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Tollgate stopped; see " + dataDir.resolve("tollgate.log"));
                }
                try {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // Not listening yet.
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("Tollgate did not start in 90 s; see " + dataDir.resolve("tollgate.log"));
        }

        /** The catalog the lines write to: 20 teams of 25 services, each with the stages beta and prod. */
        void createCatalog() throws Exception {
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
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/config"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(config.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("PUT /api/v1/config answered " + response.statusCode() + ": " + response.body());
            }
        }

        /** The embedded store's flushes and the JVM's GC pauses so far, from /actuator/prometheus. */
        String storeFigures() throws Exception {
            String text = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body();
            return String.format(Locale.ROOT, "flushes: %.0f taking %.1f s; GC pauses: %.1f s",
                    sum(text, "tollgate_metrics_store_flushes_seconds_count"),
                    sum(text, "tollgate_metrics_store_flushes_seconds_sum"), sum(text, "jvm_gc_pause_seconds_sum"));
        }

        private static double sum(String prometheus, String name) {
            return prometheus.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        }

        /**
         * Watches the heap through the attach API: its use sampled every 50 ms (its peak, garbage
         * included, bounded by -Xmx512m) and, at each report, what is live after a full GC.
         */
        private void watchHeap() throws Exception {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(process.pid()));
            try {
                jmx = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
            } finally {
                vm.detach();
            }
            memory = ManagementFactory.newPlatformMXBeanProxy(jmx.getMBeanServerConnection(),
                    ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            Thread sampler = new Thread(() -> {
                try {
                    while (process.isAlive()) {
                        peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        Thread.sleep(50);
                    }
                } catch (Exception stopped) {
                    // The process ended or the benchmark is closing it.
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        /** The heap's peak so far, and what is live after a full GC now. */
        String heap() {
            memory.gc();
            return String.format(Locale.ROOT, "heap: peak %d MiB, live %d MiB", peakHeap.get() >> 20,
                    memory.getHeapMemoryUsage().getUsed() >> 20);
        }

        @Override
        public void close() throws Exception {
            if (jmx != null) {
                jmx.close();
            }
            process.destroy();
            process.waitFor();
            if (failed) {
                System.out.println("Tollgate's log: " + dataDir.resolve("tollgate.log"));
                return;
            }
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
