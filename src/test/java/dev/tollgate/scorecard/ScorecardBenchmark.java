package dev.tollgate.scorecard;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.tollgate.testing.InfluxTestServer;
import dev.tollgate.testing.LoadClients;
import dev.tollgate.testing.LoadClients.Figures;
import dev.tollgate.testing.TollgateProcess;

/**
 * The scorecard benchmark of issue 5: a team of 5 services (beta → gamma → prod) with 90 days of
 * minute data (requests, errors, throttles, availability, and four latencies a minute of each
 * service and stage: 15.6 million points), daily team figures and a deployment a day. Prints the
 * team scorecard API's p50 and p99 (one client, one request at a time) and, in the same run, how
 * long InfluxDB takes to answer the InfluxQL queries behind the same scorecard over the same lines
 * (current period, previous period and sparkline of every figure, in one request); then the time
 * the team scorecard view takes to render in headless Chromium, from navigation to the DORA figures
 * on screen. Targets: the API faster than InfluxDB; the view under 1.5 s. Not part of the suite:
 * a measurement, not a test. Run it with {@code bench/run scorecard}.
 */
public final class ScorecardBenchmark {

    private static final String TEAM = "bench";
    private static final int SERVICES = 5;
    private static final String[] STAGES = { "beta", "gamma", "prod" };
    private static final int DAYS = 90;
    private static final int MINUTES_PER_POST = 60;
    private static final int WRITERS = 4;
    private static final String TOKEN = "bench-" + "0123456789abcdef".repeat(3);
    private static final String PASSWORD = "bench-admin-password";
    /** The operational figures behind a scorecard and how InfluxQL reads each: as the metric definitions say. */
    private static final List<String[]> FIGURES = List.of(new String[] { "requests", "sum(value)" },
            new String[] { "errors", "sum(value)" }, new String[] { "throttles", "sum(value)" },
            new String[] { "latency_ms", "percentile(value, 99)" }, new String[] { "availability", "mean(value)" });
    private static final List<String[]> TEAM_FIGURES = List.of(new String[] { "orders", "sum(value)" },
            new String[] { "principal_reviews", "sum(value)" }, new String[] { "security_training_pct", "last(value)" },
            new String[] { "ops_training_pct", "last(value)" });

    private final LoadClients clients = new LoadClients();
    private final int requests;
    private final int renders;
    private final List<String> periods;

    private ScorecardBenchmark(int requests, int renders, List<String> periods) {
        this.requests = requests;
        this.renders = renders;
        this.periods = periods;
    }

    /** Arguments: [scorecard requests measured (200)] [view renders measured (10)] [periods (P7D,P28D,P90D)]. */
    public static void main(String[] args) throws Exception {
        new ScorecardBenchmark(args.length > 0 ? Integer.parseInt(args[0]) : 200,
                args.length > 1 ? Integer.parseInt(args[1]) : 10,
                List.of((args.length > 2 ? args[2] : "P7D,P28D,P90D").split(","))).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(Duration.ofDays(DAYS));
        int posts = DAYS * 24 * 60 / MINUTES_PER_POST;
        System.out.printf(Locale.ROOT, "A team of %d services x %d stages, %,d points of minute data over %d days;"
                + " %d scorecard requests after %d of warm-up; %d cores%n", SERVICES, STAGES.length,
                8L * SERVICES * STAGES.length * DAYS * 24 * 60, DAYS, requests, requests / 10,
                Runtime.getRuntime().availableProcessors());

        String influx = InfluxTestServer.url();
        clients.send(HttpRequest.newBuilder(URI.create(influx + "/query?q=CREATE+DATABASE+bench_scorecard"))
                .POST(HttpRequest.BodyPublishers.noBody()), 200);
        long started = System.nanoTime();
        clients.write(influx + "/write?db=bench_scorecard&precision=s", null, WRITERS, posts,
                post -> lines(start.plus(Duration.ofMinutes((long) post * MINUTES_PER_POST)), true));
        clients.write(influx + "/write?db=bench_scorecard&precision=s", null, 1, 1, any -> teamLines(start));
        System.out.printf(Locale.ROOT, "InfluxDB loaded in %.0f s%n", (System.nanoTime() - started) / 1e9);

        try (TollgateProcess tollgate = TollgateProcess.start(TollgateProcess.jar(),
                List.of("--tollgate.admin-password=" + PASSWORD), TOKEN)) {
            tollgate.measuring(() -> {
                setUp(tollgate, start, end);
                long loading = System.nanoTime();
                clients.write(tollgate.url() + "/api/v1/write?precision=s", TOKEN, WRITERS, posts,
                        post -> lines(start.plus(Duration.ofMinutes((long) post * MINUTES_PER_POST)), false));
                clients.write(tollgate.url() + "/api/v1/write?precision=s", TOKEN, 1, 1, any -> teamLines(start));
                System.out.printf(Locale.ROOT, "Tollgate loaded in %.0f s   %s%n", (System.nanoTime() - loading) / 1e9,
                        tollgate.heap());
                long settling = System.nanoTime();
                while (TollgateProcess.sum(tollgate.prometheus(), "tollgate_metrics_store_pending_batches") > 0
                        && System.nanoTime() - settling < Duration.ofMinutes(10).toNanos()) {
                    Thread.sleep(1000);
                }
                for (String period : periods) {
                    Figures api = measure(requests, index -> scorecardRequest(tollgate.url(), period));
                    // InfluxDB takes seconds a request over long periods: fewer of them, so that the run ends today.
                    Figures direct = measure(Math.max(10, requests / 10), index -> influxRequest(influx, period, end));
                    System.out.printf(Locale.ROOT, "%-4s team scorecard API (%d requests) p50 %7.2f ms   p99 %7.2f ms"
                            + "   |   InfluxDB, its %d InfluxQL statements in one request (%d requests): p50 %7.2f ms"
                            + "   p99 %7.2f ms   (target: API faster)%n", period, api.requests(), api.p50(), api.p99(),
                            3 * (FIGURES.size() + TEAM_FIGURES.size()), direct.requests(), direct.p50(), direct.p99());
                }
                if (renders > 0) {
                    render(tollgate.url());
                }
                System.out.printf(Locale.ROOT, "    %s%n", tollgate.heap());
                return null;
            });
        }
    }

    private Figures measure(int requests, IntFunction<HttpRequest.Builder> request) throws Exception {
        // Sequential requests, counted rather than timed: the figure is the time of one scorecard.
        long[] taken = new long[requests];
        for (int i = -Math.max(2, requests / 10); i < requests; i++) {
            long began = System.nanoTime();
            clients.send(request.apply(i), 0);
            if (i >= 0) {
                taken[i] = System.nanoTime() - began;
            }
        }
        return Figures.of(0, taken);
    }

    /** The catalog, and a production deployment a day of every service, every tenth one failed and fixed an hour later. */
    private static void setUp(TollgateProcess tollgate, Instant start, Instant end) throws Exception {
        StringBuilder config = new StringBuilder("{\"teams\": [{\"id\": \"" + TEAM + "\", \"name\": \"Bench\"}], \"services\": [");
        for (int service = 0; service < SERVICES; service++) {
            config.append(service == 0 ? "" : ",").append("{\"id\": \"").append(service(service)).append("\", \"team\": \"")
                    .append(TEAM).append("\", \"stages\": [\"beta\", \"gamma\", \"prod\"]}");
        }
        config.append("], \"metricDefinitions\": [{\"id\": \"orders\", \"category\": \"BUSINESS\", \"unit\": \"count\","
                + " \"better\": \"HIGHER\", \"aggregation\": \"sum\"}], \"goals\": [{\"id\": \"refunds\", \"team\": \"")
                .append(TEAM).append("\", \"category\": \"FEATURES\", \"title\": \"One-click refunds\", \"target\": 10,"
                        + " \"current\": 4}]}");
        tollgate.put("/api/v1/config", config.toString());
        StringBuilder deployments = new StringBuilder();
        for (int service = 0; service < SERVICES; service++) {
            for (int day = 0; day < DAYS; day++) {
                Instant at = start.plus(Duration.ofDays(day)).plus(Duration.ofHours(10 + service));
                boolean failed = (day + service) % 10 == 0;
                deploy(tollgate, service(service), "1." + day + ".0", failed ? "FAILED" : "SUCCEEDED", at);
                if (failed) {
                    deploy(tollgate, service(service), "1." + day + ".1", "SUCCEEDED", at.plus(Duration.ofHours(1)));
                }
            }
        }
    }

    private static void deploy(TollgateProcess tollgate, String service, String version, String status, Instant at)
            throws Exception {
        tollgate.post("/api/v1/deployments", "{\"service\": \"" + service + "\", \"stage\": \"prod\", \"version\": \""
                + version + "\", \"status\": \"" + status + "\", \"time\": \"" + at + "\", \"commit\": \"c" + version
                + "\", \"commitTime\": \"" + at.minus(Duration.ofHours(6)) + "\"}");
    }

    /**
     * {@link #MINUTES_PER_POST} minutes of every series from {@code first}, a measurement per
     * metric (so that Tollgate reads them as its built-in metrics); with the team as a tag for
     * InfluxDB, which has no catalog to know who owns a service.
     */
    private static byte[] lines(Instant first, boolean teamTag) {
        StringBuilder body = new StringBuilder(MINUTES_PER_POST * SERVICES * STAGES.length * 8 * 70);
        long epoch = first.getEpochSecond();
        for (int minute = 0; minute < MINUTES_PER_POST; minute++) {
            long second = epoch + minute * 60L;
            long slot = second / 60;
            for (int service = 0; service < SERVICES; service++) {
                for (int stage = 0; stage < STAGES.length; stage++) {
                    int series = service * STAGES.length + stage;
                    String tags = (teamTag ? ",team=" + TEAM : "") + ",service=" + service(service) + ",stage=" + STAGES[stage]
                            + " value=";
                    long requests = 500 + (series * 37 + slot * 11) % 700;
                    line(body, "requests", tags, requests + "i", second);
                    line(body, "errors", tags, (series + slot) % 6 + "i", second);
                    line(body, "throttles", tags, (series + slot) % 3 + "i", second);
                    line(body, "availability", tags, String.valueOf(99.0 + ((series * 7 + slot) % 100) / 100.0), second);
                    for (int i = 0; i < 4; i++) {
                        line(body, "latency_ms", tags, String.valueOf(40 + (series * 31 + slot * 17 + i * 53) % 300),
                                second + i * 15);
                    }
                }
            }
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder body, String metric, String tags, String value, long second) {
        body.append(metric).append(tags).append(value).append(' ').append(second).append('\n');
    }

    /** The team's own figures: orders every hour, training shares and a principal review every day. */
    private static byte[] teamLines(Instant start) {
        StringBuilder body = new StringBuilder();
        String tags = ",team=" + TEAM + " value=";
        for (int hour = 0; hour < DAYS * 24; hour++) {
            long second = start.getEpochSecond() + hour * 3600L;
            line(body, "orders", tags, String.valueOf(800 + hour % 24 * 10), second);
            if (hour % 24 == 12) {
                line(body, "principal_reviews", tags, "1", second);
                line(body, "security_training_pct", tags, String.valueOf(80 + hour / 24 % 20), second);
                line(body, "ops_training_pct", tags, String.valueOf(70 + hour / 24 % 25), second);
            }
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String service(int index) {
        return "svc-" + index;
    }

    private static HttpRequest.Builder scorecardRequest(String url, String period) {
        return HttpRequest.newBuilder(URI.create(url + "/api/v1/teams/" + TEAM + "/scorecard?period=" + period))
                .header("Authorization", "Bearer " + TOKEN).GET();
    }

    /**
     * What the scorecard asks of its metrics, as InfluxQL: every figure over the period, over the
     * period before, and per sparkline bucket (about 30 a period), for the team.
     */
    private static HttpRequest.Builder influxRequest(String influx, String period, Instant end) {
        Duration length = Duration.parse(period);
        Instant from = end.minus(length);
        Instant before = from.minus(length);
        String step = length.toHours() / 30 >= 24 ? (length.toHours() / 30 / 24 + 1) + "d" : "6h";
        List<String> statements = new ArrayList<>();
        for (List<String[]> figures : List.of(FIGURES, TEAM_FIGURES)) {
            for (String[] figure : figures) {
                String select = "SELECT " + figure[1] + " FROM " + figure[0] + " WHERE team = '" + TEAM + "' AND time >= '";
                statements.add(select + from + "' AND time < '" + end + "'");
                statements.add(select + before + "' AND time < '" + from + "'");
                statements.add(select + from + "' AND time < '" + end + "' GROUP BY time(" + step + ")");
            }
        }
        return HttpRequest.newBuilder(URI.create(influx + "/query?db=bench_scorecard&q="
                + URLEncoder.encode(String.join("; ", statements), StandardCharsets.UTF_8))).GET();
    }

    /** Signs in once, then opens the team view {@link #renders} times, timed until its DORA figures are on screen. */
    private void render(String url) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Path driverPath = Path.of("/usr/bin/chromedriver");
        if (!Files.isExecutable(chromium) || !Files.isExecutable(driverPath)) {
            System.out.println("Team scorecard view: not measured; install with: sudo apt-get install chromium chromium-driver");
            return;
        }
        System.setProperty("SE_OFFLINE", "true");
        Path profile = Files.createTempDirectory("tollgate-bench-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        WebDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driverPath.toFile())
                .usingAnyFreePort().build(), options);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(url + "/login");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form input[name=username]")))
                    .sendKeys("admin");
            driver.findElement(By.cssSelector("vaadin-login-form input[name=password]")).sendKeys(PASSWORD + "\n");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-main")));
            long[] taken = new long[renders];
            for (int i = -2; i < renders; i++) {
                driver.get("about:blank");
                long began = System.nanoTime();
                driver.get(url + "/teams/" + TEAM + "?period=P7D");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dora-counts")));
                if (i >= 0) {
                    taken[i] = System.nanoTime() - began;
                }
            }
            Arrays.sort(taken);
            System.out.printf(Locale.ROOT, "Team scorecard view in headless Chromium, navigation to figures on screen:"
                    + " median %6.0f ms   worst %6.0f ms of %d   (target: under 1,500 ms)%n", taken[renders / 2] / 1e6,
                    taken[renders - 1] / 1e6, renders);
        } finally {
            driver.quit();
        }
    }
}
