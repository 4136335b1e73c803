package dev.tollgate.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A real InfluxDB 1.x for the tests: Debian's {@code influxd}, started once per test JVM with a
 * configuration of our own (HTTP on a free loopback port, data in a temp folder, no reporting;
 * Debian's default configuration listens on every interface and is never used), stopped when the
 * JVM ends. {@code TOLLGATE_TEST_INFLUX_URL} points the tests at a running server instead.
 * <p>
 * Without {@code influxd} the tests are skipped with the command that installs it, except on CI
 * ({@code CI=true}), where its absence fails the build.
 */
public final class InfluxTestServer {

    private static final String INFLUXD = "/usr/bin/influxd";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static String url;
    /** The server {@link #url()} started, or null when it names one running elsewhere. */
    private static Own shared;

    private InfluxTestServer() {
    }

    /** The base URL of a running InfluxDB, starting one on first use. */
    public static synchronized String url() {
        if (url == null) {
            String configured = System.getenv("TOLLGATE_TEST_INFLUX_URL");
            url = configured != null && !configured.isBlank() ? configured : start();
        }
        return url;
    }

    private static String start() {
        shared = Own.start();
        return shared.url();
    }

    /** The process of the server {@link #url()} started, if it started one. */
    public static synchronized Optional<ProcessHandle> process() {
        return shared == null ? Optional.empty() : shared.process();
    }

    /**
     * An InfluxDB of a test's own, which the test may stop, start again and pause (a server that
     * hangs rather than refuses), without disturbing the shared one. Destroyed when the JVM ends.
     */
    public static final class Own {

        private final Path dir;
        private final Path config;
        private final String url;
        private Process process;

        private Own(Path dir, Path config, String url) {
            this.dir = dir;
            this.config = config;
            this.url = url;
        }

        /** Starts a new server; skipped (or failed, on CI) without influxd. */
        public static Own start() {
            requireInfluxd();
            try {
                Path dir = Files.createTempDirectory("tollgate-influx-");
                int port = freePort();
                int bindPort = freePort();
                Path config = dir.resolve("influxdb.conf");
                Files.writeString(config, CONFIG.formatted(bindPort, dir, dir, dir, port));
                Own own = new Own(dir, config, "http://127.0.0.1:" + port);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    own.stop();
                    deleteQuietly(dir);
                }));
                own.run();
                return own;
            } catch (IOException e) {
                throw new IllegalStateException("Could not start " + INFLUXD, e);
            }
        }

        public String url() {
            return url;
        }

        /** The server's process while it runs. */
        public synchronized Optional<ProcessHandle> process() {
            return process == null || !process.isAlive() ? Optional.empty() : Optional.of(process.toHandle());
        }

        /** Starts the server again on its port and data, after {@link #stop()}. */
        public synchronized void run() {
            if (process != null && process.isAlive()) {
                return;
            }
            try {
                process = new ProcessBuilder(INFLUXD, "run", "-config", config.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("influxd.log").toFile()))
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("Could not start " + INFLUXD, e);
            }
            waitForPing(url, process, dir);
        }

        /** Stops the server and waits until it is gone: connections are refused from then on. */
        public synchronized void stop() {
            if (process != null) {
                process.destroy();
                try {
                    process.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Freezes the server (SIGSTOP): connections are accepted and never answered, as a hung server does. */
        public void pause() {
            signal("STOP");
        }

        public void resume() {
            signal("CONT");
        }

        private void signal(String signal) {
            try {
                new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
            } catch (IOException e) {
                throw new IllegalStateException("Could not signal influxd", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final String CONFIG = """
            reporting-disabled = true
            bind-address = "127.0.0.1:%d"
            [meta]
              dir = "%s/meta"
            [data]
              dir = "%s/data"
              wal-dir = "%s/wal"
              query-log-enabled = false
              wal-fsync-delay = "0s"
            [coordinator]
              query-timeout = "10s"
            [http]
              enabled = true
              bind-address = "127.0.0.1:%d"
              auth-enabled = false
              log-enabled = false
              max-body-size = 0
            [monitor]
              store-enabled = false
            [continuous_queries]
              enabled = false
            """;

    private static void requireInfluxd() {
        if (!Files.isExecutable(Path.of(INFLUXD))) {
            String message = "InfluxDB not found at " + INFLUXD + "; install it with: sudo apt-get install influxdb"
                    + " (the tests start it themselves with their own configuration; stop Debian's service with"
                    + " sudo systemctl disable --now influxdb)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message + " (CI=true, so this fails instead of skipping)");
            }
            Assumptions.abort(message);
        }
    }

    private static void waitForPing(String base, Process process, Path dir) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("influxd exited at start; see " + dir.resolve("influxd.log"));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + "/ping"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 204) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for influxd", e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for influxd", e);
            }
        }
        throw new IllegalStateException("influxd did not answer /ping within " + START_TIMEOUT + "; see "
                + dir.resolve("influxd.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless.
        }
    }
}
