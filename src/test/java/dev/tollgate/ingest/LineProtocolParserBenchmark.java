package dev.tollgate.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.Locale;

/**
 * How fast a body is parsed (and placed into points): 1,000 series of 3 fields, 5,000 lines per
 * body as DESIGN.md measured the stores. Not a test (Surefire runs {@code *Test} only); run it:
 * <pre>
 * ./mvnw -q -o test-compile
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp target/classes:target/test-classes \
 *     dev.tollgate.ingest.LineProtocolParserBenchmark [seconds]
 * </pre>
 */
final class LineProtocolParserBenchmark {

    private static final int SERIES = 1_000;
    private static final int LINES_PER_BODY = 5_000;
    private static final int BODIES = 20;
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final LineProtocolParser PARSER = new LineProtocolParser();

    private LineProtocolParserBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        byte[][] bodies = bodies();
        long bytes = 0;
        for (byte[] body : bodies) {
            bytes += body.length;
        }
        System.out.printf(Locale.ROOT, "%d bodies of %d lines, %.0f bytes per line%n", BODIES, LINES_PER_BODY,
                (double) bytes / BODIES / LINES_PER_BODY);
        check(bodies[0]);
        measure("parse (warm-up)", bodies, seconds, false, false);
        measure("parse", bodies, seconds, false, false);
        measure("parse and place", bodies, seconds, true, false);
        measure("both, cold", bodies, seconds, true, true);
    }

    private static byte[][] bodies() {
        byte[][] bodies = new byte[BODIES][];
        long time = NOW.getEpochSecond() * 1_000_000_000L;
        int line = 0;
        for (int b = 0; b < BODIES; b++) {
            StringBuilder body = new StringBuilder(LINES_PER_BODY * 140);
            for (int i = 0; i < LINES_PER_BODY; i++, line++) {
                int series = line % SERIES;
                if (series == 0) {
                    time += 10_000_000_000L;
                }
                body.append("http_server,service=svc-").append(series % 200).append(",stage=")
                        .append(series % 3 == 0 ? "prod" : "gamma").append(",region=eu-west-").append(series % 3)
                        .append(",host=host-").append(series).append(" requests=").append(1000 + line % 97)
                        .append("i,errors=").append(line % 5).append("i,latency_ms=").append(12.5 + (line % 1000) / 7.0)
                        .append(' ').append(time).append('\n');
            }
            bodies[b] = body.toString().getBytes(UTF_8);
        }
        return bodies;
    }

    private static void check(byte[] body) {
        LinePoints points = PARSER.points(body, Precision.NANOSECONDS, NOW);
        if (!points.isValid() || points.points().size() != LINES_PER_BODY * 3) {
            throw new IllegalStateException("the benchmark's body is not what it should be: " + points.violations());
        }
    }

    /** {@code cold}: a new parser for every body, so every series is new to its caches. */
    private static void measure(String what, byte[][] bodies, double seconds, boolean place, boolean cold) {
        long lines = 0;
        long sink = 0;
        long start = System.nanoTime();
        long until = start + (long) (seconds * 1e9);
        long now;
        int i = 0;
        do {
            byte[] body = bodies[i++ % bodies.length];
            LineProtocolParser parser = cold ? new LineProtocolParser() : PARSER;
            sink += place ? parser.points(body, Precision.NANOSECONDS, NOW).points().size()
                    : parser.parse(body, Precision.NANOSECONDS, NOW).lines().size();
            lines += LINES_PER_BODY;
            now = System.nanoTime();
        } while (now < until);
        double elapsed = (now - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-16s %,12.0f lines/s  (%,d lines in %.1f s; %d)%n", what, lines / elapsed, lines,
                elapsed, sink % 10);
    }
}
