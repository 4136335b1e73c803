package dev.tollgate.gate;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

import dev.tollgate.testing.InfluxTestServer;
import dev.tollgate.testing.LoadClients;
import dev.tollgate.testing.LoadClients.Figures;
import dev.tollgate.testing.ServerCpu;
import dev.tollgate.testing.TollgateProcess;

/**
 * The gate benchmark of issue 4: 50 services (5 teams of 10) with the stages beta → gamma → prod,
 * 10 rules a service of every kind, thirty days of minute data (requests, errors and latency of
 * each service and stage: 19.4 million points); then 32 concurrent clients ask the gate for a
 * minute, after a warm-up. Prints evaluations per second and the p50 and p99 latency the clients
 * see, asking back to back (the most the gate answers) and then paced at 2,000 evaluations a
 * second together (the latency at the target rate); and, in the same run, how long InfluxDB takes to answer the same aggregates directly (the
 * same lines written into it, the same 32 clients, one InfluxQL request per evaluation). Targets on
 * a 2-core machine: p99 at most 5 ms and at least 2,000 evaluations per second on the embedded
 * store. Not part of the suite: a measurement, not a test. Run it with {@code bench/run gate}.
 */
public final class GateBenchmark {

    static final int TEAMS = 5;
    static final int SERVICES_PER_TEAM = 10;
    static final int SERVICES = TEAMS * SERVICES_PER_TEAM;
    static final String[] STAGES = { "beta", "gamma", "prod" };
    private static final int SERIES = SERVICES * STAGES.length;
    private static final int DAYS = 30;
    private static final int MINUTES_PER_POST = 30;
    private static final int WRITERS = 4;
    private static final String VERSION = "2.0.0";
    static final String TOKEN = "bench-" + "0123456789abcdef".repeat(3);

    private final int clientCount;
    private final Duration measured;
    private final Duration warmUp;
    private final double pacedRate;
    private final LoadClients clients = new LoadClients();

    private GateBenchmark(int clients, Duration measured, Duration warmUp, double pacedRate) {
        this.clientCount = clients;
        this.measured = measured;
        this.warmUp = warmUp;
        this.pacedRate = pacedRate;
    }

    /**
     * Arguments: [concurrent clients (32)] [seconds measured (60)] [seconds of warm-up (15)]
     * [evaluations a second of the paced run (2000; 0 for none)].
     */
    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        Duration measured = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
        Duration warmUp = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 15);
        double paced = args.length > 3 ? Double.parseDouble(args[3]) : 2000;
        new GateBenchmark(clients, measured, warmUp, paced).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant start = end.minus(Duration.ofDays(DAYS));
        int posts = DAYS * 24 * 60 / MINUTES_PER_POST;
        System.out.printf(Locale.ROOT, "%d services x %d stages, 10 rules a service, %,d points over %d days"
                + " (%,d lines of 3 fields); %d clients for %d s after %d s of warm-up; %d cores%n", SERVICES,
                STAGES.length, 3L * SERIES * DAYS * 24 * 60, DAYS, (long) SERIES * DAYS * 24 * 60, clientCount,
                measured.toSeconds(), warmUp.toSeconds(), Runtime.getRuntime().availableProcessors());
        IntFunction<byte[]> body = post -> lines(start.plus(Duration.ofMinutes((long) post * MINUTES_PER_POST)));

        String influx = InfluxTestServer.url();
        clients.send(HttpRequest.newBuilder(URI.create(influx + "/query?q=CREATE+DATABASE+bench_gate"))
                .POST(HttpRequest.BodyPublishers.noBody()), 200);
        long started = System.nanoTime();
        clients.write(influx + "/write?db=bench_gate&precision=s", null, WRITERS, posts, body);
        System.out.printf(Locale.ROOT, "InfluxDB loaded in %.0f s%n", (System.nanoTime() - started) / 1e9);

        try (TollgateProcess tollgate = TollgateProcess.start(TollgateProcess.jar(), List.of(), TOKEN)) {
            tollgate.measuring(() -> {
                setUp(tollgate, end);
                long loading = System.nanoTime();
                clients.write(tollgate.url() + "/api/v1/write?precision=s", TOKEN, WRITERS, posts, body);
                System.out.printf(Locale.ROOT, "Tollgate loaded in %.0f s   %s%n", (System.nanoTime() - loading) / 1e9,
                        tollgate.heap());
                // The gate is measured in the steady state: after the store has rolled up what the load wrote.
                long settling = System.nanoTime();
                while (TollgateProcess.sum(tollgate.prometheus(), "tollgate_metrics_store_pending_batches") > 0
                        && System.nanoTime() - settling < Duration.ofMinutes(10).toNanos()) {
                    Thread.sleep(1000);
                }
                System.out.printf(Locale.ROOT, "Its store caught up %.0f s later%n", (System.nanoTime() - settling) / 1e9);
                CompletableFuture<Double> cpu = ServerCpu.during(tollgate.process(), warmUp, measured);
                long allocatedBefore = tollgate.allocatedBytes();
                double evaluatedBefore = TollgateProcess.sum(tollgate.prometheus(), "tollgate_gate_evaluations_total");
                Figures gate = clients.load(clientCount, warmUp, measured, index -> gateRequest(tollgate.url(), index));
                // Warm-up included: what an evaluation allocates (the GC's work), whatever the machine's speed.
                double allocated = (tollgate.allocatedBytes() - allocatedBefore)
                        / (TollgateProcess.sum(tollgate.prometheus(), "tollgate_gate_evaluations_total") - evaluatedBefore);
                System.out.printf(Locale.ROOT, "Gate on the embedded store: %,8.0f evaluations/s   p50 %6.2f ms   p99 %6.2f ms"
                        + "   (targets: >= 2,000/s, p99 <= 5 ms)   %s%n", gate.perSecond(), gate.p50(), gate.p99(),
                        tollgate.heap());
                // The server's CPU (GC and JIT included), for comparing runs on a machine whose speed drifts.
                double cpuSeconds = cpu.get();
                System.out.printf(Locale.ROOT, "    CPU: %.0f µs an evaluation (%.1f s of CPU, %.2f cores); about %,.0f bytes"
                        + " allocated an evaluation%n", cpuSeconds * 1e6 / gate.requests(), cpuSeconds,
                        cpuSeconds / measured.toNanos() * 1e9, allocated);
                String scraped = tollgate.prometheus();
                System.out.printf(Locale.ROOT, "    verdicts: %s%n", verdicts(scraped));
                double groups = TollgateProcess.sum(scraped, "tollgate_gate_recorder_group_evaluations_count");
                System.out.printf(Locale.ROOT, "    evaluations a commit: %.1f on average (%,.0f commits)%n",
                        TollgateProcess.sum(scraped, "tollgate_gate_recorder_group_evaluations_sum") / groups, groups);
                if (pacedRate > 0) {
                    // The targets together: the latency at 2,000 evaluations a second, not at the most it answers.
                    Figures paced = clients.paced(clientCount, pacedRate, warmUp, measured,
                            index -> gateRequest(tollgate.url(), index));
                    System.out.printf(Locale.ROOT, "Gate paced at %,.0f/s (%d clients, latency from when each was due):"
                            + " %,8.0f evaluations/s   p50 %6.2f ms   p99 %6.2f ms   (p90 %.2f ms, p99.9 %.2f ms)%n",
                            pacedRate, clientCount, paced.perSecond(), paced.p50(), paced.p99(), paced.percentile(0.9),
                            paced.percentile(0.999));
                }
                return null;
            });
        }
        CompletableFuture<Double> influxCpu = InfluxTestServer.process()
                .map(influxd -> ServerCpu.during(influxd, warmUp, measured))
                .orElse(CompletableFuture.completedFuture(Double.NaN));
        Figures direct = clients.load(clientCount, warmUp, measured, index -> influxRequest(influx, index));
        System.out.printf(Locale.ROOT, "InfluxDB directly, the same aggregates (3 InfluxQL statements an evaluation):"
                + " %,8.0f/s   p50 %6.2f ms   p99 %6.2f ms   CPU %.0f µs a request%n", direct.perSecond(), direct.p50(),
                direct.p99(), influxCpu.get() * 1e6 / direct.requests());
    }

    /** Teams, services, rules, deployments and test runs: every version 2.0.0 is ready for prod. */
    static void setUp(TollgateProcess tollgate, Instant now) throws Exception {
        StringBuilder config = new StringBuilder("{\"teams\":[");
        for (int team = 0; team < TEAMS; team++) {
            config.append(team == 0 ? "" : ",").append("{\"id\":\"team-").append(team).append("\",\"name\":\"Team ")
                    .append(team).append("\"}");
        }
        config.append("],\"services\":[");
        for (int service = 0; service < SERVICES; service++) {
            config.append(service == 0 ? "" : ",").append("{\"id\":\"").append(service(service))
                    .append("\",\"team\":\"team-").append(service / SERVICES_PER_TEAM)
                    .append("\",\"stages\":[\"beta\",\"gamma\",\"prod\"]}");
        }
        tollgate.put("/api/v1/config", config.append("]}").toString());
        for (int service = 0; service < SERVICES; service++) {
            String id = service(service);
            for (String[] rule : rules()) {
                tollgate.put("/api/v1/rules/" + id + "-" + rule[0], "{\"name\": \"" + rule[0] + "\", \"scope\": {\"service\": \""
                        + id + "\"}, " + rule[1] + "}");
            }
            deployed(tollgate, id, "prod", "1.8.0", now.minus(Duration.ofDays(20)));
            deployed(tollgate, id, "prod", "1.9.0", now.minus(Duration.ofDays(10)));
            deployed(tollgate, id, "beta", VERSION, now.minus(Duration.ofDays(3)));
            deployed(tollgate, id, "gamma", VERSION, now.minus(Duration.ofDays(2)));
            for (String stage : List.of("beta", "gamma")) {
                tollgate.post("/api/v1/test-runs", "{\"service\": \"" + id + "\", \"stage\": \"" + stage
                        + "\", \"version\": \"" + VERSION + "\", \"suite\": \"integration\", \"passed\": 250, \"failed\": 0}");
            }
        }
    }

    /** Ten rules of every kind, as a team would set them. */
    private static List<String[]> rules() {
        String threshold = "\"kind\": \"THRESHOLD\", \"params\": {\"metric\": \"%s\", \"aggregation\": \"%s\", \"window\": \"%s\","
                + " \"operator\": \"%s\", \"threshold\": %s%s}";
        return List.of(
                new String[] { "error-rate-15m", threshold.formatted("http.errors", "sum", "PT15M", ">", "0.05", ", \"per\": \"http.requests\"") },
                new String[] { "error-rate-1h", threshold.formatted("http.errors", "sum", "PT1H", ">", "0.05", ", \"per\": \"http.requests\"") },
                new String[] { "latency-p99", threshold.formatted("http.latency_ms", "p99", "PT15M", ">", "2000", "") },
                new String[] { "traffic", threshold.formatted("http.requests", "sum", "PT15M", "<", "1", "") },
                new String[] { "bake", "\"kind\": \"BAKE_TIME\", \"params\": {\"duration\": \"PT1H\"}" },
                new String[] { "order", "\"stages\": [\"prod\"], \"kind\": \"PROMOTION_ORDER\", \"params\": {}" },
                new String[] { "tests", "\"kind\": \"TESTS_PASSED\", \"params\": {}" },
                new String[] { "window", "\"kind\": \"DEPLOYMENT_WINDOW\", \"params\": {\"timezone\": \"UTC\", \"allow\": [{\"days\":"
                        + " [\"MON\", \"TUE\", \"WED\", \"THU\", \"FRI\", \"SAT\", \"SUN\"], \"from\": \"00:00\", \"to\": \"23:59\"}]}" },
                new String[] { "change-failure-rate", "\"stages\": [\"prod\"], \"kind\": \"CHANGE_FAILURE_RATE\","
                        + " \"params\": {\"window\": \"P30D\", \"max\": 0.5}" },
                new String[] { "expression", "\"kind\": \"EXPRESSION\", \"params\": {\"expression\":"
                        + " \"sum(\\\"http.errors\\\", \\\"1h\\\") > 0.05 * sum(\\\"http.requests\\\", \\\"1h\\\")\"}" });
    }

    private static void deployed(TollgateProcess tollgate, String service, String stage, String version, Instant at)
            throws Exception {
        tollgate.post("/api/v1/deployments", "{\"service\": \"" + service + "\", \"stage\": \"" + stage + "\", \"version\": \""
                + version + "\", \"status\": \"SUCCEEDED\", \"time\": \"" + at + "\"}");
    }

    /** {@link #MINUTES_PER_POST} minutes of every series from {@code first}: requests, errors (about 0.5%) and latency. */
    private static byte[] lines(Instant first) {
        StringBuilder body = new StringBuilder(MINUTES_PER_POST * SERIES * 90);
        long epoch = first.getEpochSecond();
        for (int minute = 0; minute < MINUTES_PER_POST; minute++) {
            long second = epoch + minute * 60L;
            long slot = second / 60;
            for (int series = 0; series < SERIES; series++) {
                long requests = 500 + (series * 37 + slot * 11) % 700;
                body.append("http,service=").append(service(series / STAGES.length)).append(",stage=")
                        .append(STAGES[series % STAGES.length]).append(" requests=").append(requests).append("i,errors=")
                        .append((series + slot) % 6).append("i,latency_ms=").append(40 + (series * 31 + slot * 17) % 300)
                        .append(' ').append(second).append('\n');
            }
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String service(int index) {
        return String.format(Locale.ROOT, "svc-%d-%02d", index / SERVICES_PER_TEAM, index % SERVICES_PER_TEAM);
    }

    /** The question of client request {@code index}: version 2.0.0 of a service into gamma or prod, in turn. */
    static HttpRequest.Builder gateRequest(String url, int index) {
        String stage = index % 2 == 0 ? "prod" : "gamma";
        return HttpRequest.newBuilder(URI.create(url + "/api/v1/gate-evaluations"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"service\": \"" + service((index / 2) % SERVICES)
                        + "\", \"version\": \"" + VERSION + "\", \"stage\": \"" + stage + "\"}"));
    }

    /** What the gate asks of the metrics for the same promotion, as InfluxQL: the aggregates of the source stage. */
    private static HttpRequest.Builder influxRequest(String influx, int index) {
        String where = " FROM http WHERE service = '" + service((index / 2) % SERVICES) + "' AND stage = '"
                + (index % 2 == 0 ? "gamma" : "beta") + "' AND time >= now() - ";
        String statements = "SELECT sum(errors), sum(requests)" + where + "15m; SELECT sum(errors), sum(requests)" + where
                + "1h; SELECT percentile(latency_ms, 99)" + where + "15m";
        return HttpRequest.newBuilder(URI.create(influx + "/query?db=bench_gate&q="
                + URLEncoder.encode(statements, StandardCharsets.UTF_8))).GET();
    }

    static String verdicts(String prometheus) {
        StringBuilder verdicts = new StringBuilder();
        for (String verdict : List.of("PROMOTE", "WAIT", "STOP", "ROLLBACK")) {
            double count = prometheus.lines().filter(line -> line.startsWith("tollgate_gate_evaluations_total{")
                    && line.contains("verdict=\"" + verdict + "\"")).mapToDouble(line -> Double.parseDouble(
                            line.substring(line.lastIndexOf(' ') + 1))).sum();
            verdicts.append(verdict).append(' ').append(String.format(Locale.ROOT, "%,.0f", count)).append("  ");
        }
        return verdicts.toString().trim();
    }
}
