package dev.tollgate.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

/** A packaged Tollgate in a process of its own, on a fresh H2 file, with a bootstrap token: what the benchmarks measure. */
public final class TollgateProcess implements AutoCloseable {

    private final Process process;
    private final String url;
    private final Path dataDir;
    private final String token;
    private boolean keep;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicLong peakHeap = new AtomicLong();
    private JMXConnector jmx;
    private MemoryMXBean memory;

    private TollgateProcess(Process process, String url, Path dataDir, String token) {
        this.process = process;
        this.url = url;
        this.dataDir = dataDir;
        this.token = token;
    }

    /**
     * Starts {@code jar} on a fresh data folder and a free loopback port with {@code -Xmx512m}
     * (and {@code BENCH_JVM_OPTIONS}), {@code token} as its bootstrap admin token; answers once it is healthy.
     */
    public static TollgateProcess start(Path jar, List<String> arguments, String token) throws Exception {
        return start(jar, Files.createTempDirectory("tollgate-bench-"), arguments, token);
    }

    /** As {@link #start(Path, List, String)}, on {@code dataDir}, which {@link #close()} empties. */
    public static TollgateProcess start(Path jar, Path dataDir, List<String> arguments, String token) throws Exception {
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
        builder.environment().put("TOLLGATE_BOOTSTRAP_TOKEN", token);
        builder.environment().remove("TOLLGATE_ADMIN_PASSWORD");
        TollgateProcess tollgate = new TollgateProcess(builder.start(), "http://127.0.0.1:" + port, dataDir, token);
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

    /** {@code PUT}s a JSON document as the bootstrap admin; fails unless the answer is a 2xx. */
    public void put(String path, String json) throws Exception {
        send("PUT", path, json);
    }

    /** {@code POST}s a JSON document as the bootstrap admin; fails unless the answer is a 2xx. */
    public void post(String path, String json) throws Exception {
        send("POST", path, json);
    }

    private void send(String method, String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** What {@code /actuator/prometheus} shows now. */
    public String prometheus() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The sum of every sample of metric {@code name} in a Prometheus scrape. */
    public static double sum(String prometheus, String name) {
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
    public String heap() {
        return String.format(Locale.ROOT, "heap: peak %d MiB, live %d MiB", peakHeap.get() >> 20,
                liveHeapAfterFullGc() >> 20);
    }

    /** Runs a full GC in the process and answers the bytes of heap still in use: what it really holds. */
    public long liveHeapAfterFullGc() {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** What the data folder holds on disk, in bytes: the embedded database's file, mostly. */
    public long dataBytes() throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    public String url() {
        return url;
    }

    /** The JVM's process. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /**
     * The bytes the JVM has allocated on its heap so far, by all its threads (virtual threads in
     * their carriers'): what the garbage collector has to clear, whatever the machine's speed.
     */
    public long allocatedBytes() {
        try {
            return (Long) jmx.getMBeanServerConnection().getAttribute(
                    new ObjectName(ManagementFactory.THREAD_MXBEAN_NAME), "TotalThreadAllocatedBytes");
        } catch (Exception e) {
            throw new IllegalStateException("The JVM did not say what it allocated", e);
        }
    }

    /** Runs {@code work} against this Tollgate; when it fails, the data folder and the log are kept for a look. */
    public <T> T measuring(Callable<T> work) throws Exception {
        try {
            return work.call();
        } catch (Exception | Error e) {
            keep = true;
            throw e;
        }
    }

    /** The packaged application in {@code target/}. */
    public static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("tollgate-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "No target/tollgate-*.jar: build it first (./mvnw -DskipTests package)"));
        }
    }

    /** Kills the process with SIGKILL, as a crash or an OOM killer would, and waits for it to end. */
    public void kill() throws Exception {
        closeJmx();
        process.destroyForcibly().waitFor();
    }

    private void closeJmx() throws IOException {
        if (jmx != null) {
            jmx.close();
            jmx = null;
        }
    }

    @Override
    public void close() throws Exception {
        closeJmx();
        process.destroy();
        process.waitFor();
        // BENCH_KEEP_DATA=true keeps them after a good run too, to look into the database afterwards.
        if (keep || "true".equals(System.getenv("BENCH_KEEP_DATA"))) {
            System.out.println("Tollgate's log: " + dataDir.resolve("tollgate.log"));
            return;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
