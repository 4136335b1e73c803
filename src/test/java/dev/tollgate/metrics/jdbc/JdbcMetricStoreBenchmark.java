package dev.tollgate.metrics.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.tollgate.catalog.Aggregation;
import dev.tollgate.metrics.MetricPoint;
import dev.tollgate.metrics.MetricSelector;
import dev.tollgate.metrics.MetricStoreUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Measures the embedded store as DESIGN.md measured its design: 1,000 services, requests of 5,000
 * lines of three fields (15,000 points), one durable commit per request. Not part of the suite:
 * run it with {@code bench/run store [h2|postgres] [writers] [requests] [live]}.
 *
 * H2 runs on a file in a temporary folder with {@code WRITE_DELAY=0} (a commit is on disk before
 * it is acknowledged); PostgreSQL in a schema of its own in {@code TOLLGATE_TEST_POSTGRES_URL}.
 */
public final class JdbcMetricStoreBenchmark {

    private static final int SERVICES = 1_000;
    private static final int TEAMS = 10;
    private static final int LINES_PER_REQUEST = 5_000;
    private static final String[] METRICS = { "requests", "errors", "latency_ms" };

    private JdbcMetricStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Without Spring Boot's logging set-up, Logback logs every statement at DEBUG.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        String database = args.length > 0 ? args[0] : "h2";
        int writers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        boolean history = args.length <= 3 || !args[3].equals("live");
        Path folder = Files.createTempDirectory("tollgate-benchmark");
        String schema = "tollgate_bench_" + UUID.randomUUID().toString().replace("-", "");
        HikariConfig config = new HikariConfig();
        SQLDialect dialect;
        if (database.equals("postgres")) {
            config.setJdbcUrl(env("TOLLGATE_TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/tollgate_test"));
            config.setUsername(env("TOLLGATE_TEST_POSTGRES_USER", "tollgate"));
            config.setPassword(env("TOLLGATE_TEST_POSTGRES_PASSWORD", "tollgate"));
            try (HikariDataSource admin = new HikariDataSource(config); Connection connection = admin.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create schema " + schema);
            }
            config.setSchema(schema);
            dialect = SQLDialect.POSTGRES;
        } else {
            config.setJdbcUrl("jdbc:h2:file:" + folder.resolve("tollgate")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
            config.setUsername("tollgate");
            config.setPassword("");
            dialect = SQLDialect.H2;
        }
        config.setMaximumPoolSize(writers + 4);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            var flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration");
            if (dialect == SQLDialect.POSTGRES) {
                flyway.schemas(schema).defaultSchema(schema).createSchemas(false);
            }
            flyway.load().migrate();
            run(new JdbcMetricStore(DSL.using(pool, dialect), Clock.systemUTC(), MetricStoreProperties.DEFAULTS,
                    new SimpleMeterRegistry(), Optional::empty), database, writers, requests, history);
            if (dialect == SQLDialect.H2) {
                System.out.printf("H2 file: %s while running", megabytes(folder));
                try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("shutdown compact");
                }
                System.out.printf(", %s compacted%n", megabytes(folder));
            }
        } finally {
            if (database.equals("postgres")) {
                config.setSchema(null);
                try (HikariDataSource admin = new HikariDataSource(config); Connection connection = admin.getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("drop schema " + schema + " cascade");
                }
            }
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void run(JdbcMetricStore store, String database, int writers, int requests, boolean history)
            throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        System.out.printf("%s, %d writers, %d requests of %,d lines (%,d points)%n", database, writers, requests,
                LINES_PER_REQUEST, LINES_PER_REQUEST * METRICS.length);
        byte[] sample = BatchCodec.encode(request(now, 0));
        System.out.printf("one request encoded: %,d bytes (%.2f bytes a point)%n", sample.length,
                sample.length / (double) (LINES_PER_REQUEST * METRICS.length));

        // Writes as they arrive: five reports of every service per request.
        write(store, writers, requests, index -> request(now.plusSeconds(index * 50L), index), "live writes");

        if (!history) {
            return;
        }
        // Thirty days of history, one line per service every ten minutes, then read.
        int historyRequests = 30 * 24 * 6 * SERVICES / LINES_PER_REQUEST;
        Instant start = now.minus(Duration.ofDays(30));
        write(store, writers, historyRequests,
                index -> request(start.plusSeconds(index * LINES_PER_REQUEST / SERVICES * 600L), index),
                "30 days of history");

        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("heap in use after 30 days of 1,000 services (3,000 series and their totals): %.0f MB"
                + " (%d hourly rows at hand for the next flush)%n",
                (runtime.totalMemory() - runtime.freeMemory()) / 1e6, store.hotRowCount());

        MetricSelector service = MetricSelector.ofService("latency_ms", "service-17", "prod");
        MetricSelector team = MetricSelector.ofTeam("requests", "team-3");
        Instant lastHour = now.minus(Duration.ofMinutes(47));
        time("1-hour sum, one service", () -> store.aggregate(service, Aggregation.SUM, lastHour.minus(Duration.ofHours(1)), lastHour));
        time("1-hour p99, one service", () -> store.aggregate(service, Aggregation.P99, lastHour.minus(Duration.ofHours(1)), lastHour));
        time("30-day sum, one service", () -> store.aggregate(service, Aggregation.SUM, lastHour.minus(Duration.ofDays(30)), lastHour));
        time("30-day p99, one service", () -> store.aggregate(service, Aggregation.P99, lastHour.minus(Duration.ofDays(30)), lastHour));
        time("30-day sum, team of 100 services", () -> store.aggregate(team, Aggregation.SUM, lastHour.minus(Duration.ofDays(30)), lastHour));
        time("30-day p99, team of 100 services", () -> store.aggregate(MetricSelector.ofTeam("latency_ms", "team-3"), Aggregation.P99, lastHour.minus(Duration.ofDays(30)), lastHour));
        time("30-day daily series, one service", () -> store.series(service, Aggregation.P99, lastHour.minus(Duration.ofDays(30)), lastHour, Duration.ofDays(1)));
        time("1-hour series by minute, one service", () -> store.series(service, Aggregation.SUM, lastHour.minus(Duration.ofHours(1)), lastHour, Duration.ofMinutes(1)));
    }

    /** Writes with the store's own background flush running, then waits until it has caught up. */
    private static void write(JdbcMetricStore store, int writers, int requests, IntFunction<List<MetricPoint>> request,
            String what) throws Exception {
        MetricStoreMaintenance maintenance = new MetricStoreMaintenance(store);
        maintenance.start();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int writer = 0; writer < writers; writer++) {
            running.add(pool.submit(() -> {
                for (int index = next.getAndIncrement(); index < requests; index = next.getAndIncrement()) {
                    List<MetricPoint> points = request.apply(index);
                    while (true) {
                        try {
                            store.write(points);
                            break;
                        } catch (MetricStoreUnavailableException e) {
                            // As a client does on 503: try again a little later.
                            refused.incrementAndGet();
                        }
                    }
                }
            }));
        }
        for (Future<?> writer : running) {
            writer.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        maintenance.stop();
        double caughtUp = (System.nanoTime() - started) / 1e9;
        double lines = (double) requests * LINES_PER_REQUEST;
        System.out.printf("%s: %,.0f lines/s, %,.0f points/s (%,.0f lines in %.1f s, %d requests refused while"
                + " the flush caught up); all rolled up after %.1f s%n", what, lines / seconds,
                lines * METRICS.length / seconds, lines, seconds, refused.get(), caughtUp);
        pool.shutdown();
    }

    /** Request {@code index}: 5,000 lines of consecutive services, three fields each, at {@code time}. */
    private static List<MetricPoint> request(Instant time, int index) {
        List<MetricPoint> points = new ArrayList<>(LINES_PER_REQUEST * METRICS.length);
        for (int line = 0; line < LINES_PER_REQUEST; line++) {
            int service = (index * LINES_PER_REQUEST + line) % SERVICES;
            String name = "service-" + service;
            String team = "team-" + (service % TEAMS);
            Map<String, String> tags = Map.of("host", "host-" + (line % 20));
            int seed = index * 31 + line;
            points.add(new MetricPoint("requests", team, name, "prod", time, 100 + seed % 50, tags));
            points.add(new MetricPoint("errors", team, name, "prod", time, seed % 3, tags));
            points.add(new MetricPoint("latency_ms", team, name, "prod", time, 5 + (seed * 7919 % 5_000) / 10.0, tags));
        }
        return points;
    }

    private static void time(String what, Supplier<?> read) {
        read.get();
        long[] nanos = new long[21];
        Object answer = null;
        for (int i = 0; i < nanos.length; i++) {
            long started = System.nanoTime();
            answer = read.get();
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        String shown = String.valueOf(answer);
        System.out.printf("%-40s median %7.2f ms, max %7.2f ms  (%s)%n", what, nanos[nanos.length / 2] / 1e6,
                nanos[nanos.length - 1] / 1e6, shown.length() > 60 ? shown.substring(0, 60) + "..." : shown);
    }

    private static String megabytes(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return String.format("%.1f MB", files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length())
                    .sum() / 1e6);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
