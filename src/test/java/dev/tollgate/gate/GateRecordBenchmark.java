package dev.tollgate.gate;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import dev.tollgate.api.GeneratedIds;
import dev.tollgate.gate.GateEvaluationRepository.EvaluationRow;
import dev.tollgate.rules.Effect;
import dev.tollgate.rules.RuleKind;
import dev.tollgate.rules.RuleOutcome;
import dev.tollgate.rules.RuleStatus;
import dev.tollgate.rules.Verdict;
import dev.tollgate.testing.H2TestDatabase;
import dev.tollgate.testing.TestDatabase;

/**
 * What storing the gate's evaluations costs H2 itself, apart from HTTP, the rules and the
 * machine's other work (README, "Benchmarks"): groups of evaluations like those of
 * {@code bench/run gate} (ten rule results each, 50 services × 3 stages of 20 teams) written as the
 * recorder writes them, a transaction a group, on an H2 file with {@code WRITE_DELAY=0} and the
 * real schema. Prints, a commit, the time it took, the bytes H2 wrote to its file and the bytes
 * allocated; then the same again without the indexes by service and by team, to show what they
 * cost. The bytes do not move with the machine's speed, as the time does. Not a test: a
 * measurement that prints its figures.
 *
 * <p>{@code bench/run record [evaluations before] [evaluations measured] [a commit]}.
 */
public final class GateRecordBenchmark {

    private static final int SERVICES = 50;
    private static final String[] STAGES = { "beta", "gamma", "prod" };
    private static final int TEAMS = 20;
    private static final int RULES = 10;

    private final Random random = new Random(42);
    private final String[] versions = IntStream.range(0, 100).mapToObj(i -> "1." + i + ".0").toArray(String[]::new);

    private GateRecordBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Without Spring Boot's logging set-up, Logback logs every statement at DEBUG.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        int before = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 40_000;
        int group = args.length > 2 ? Integer.parseInt(args[2]) : 13;
        System.out.printf(Locale.ROOT, "%,d evaluations stored first, then %,d measured, %d a commit (bench/run gate's"
                + " groups are 12-13)%n", before, measured, group);
        GateRecordBenchmark benchmark = new GateRecordBenchmark();
        benchmark.run("the schema as it is", false, before, measured, group);
        benchmark.run("without the indexes by service and by team", true, before, measured, group);
    }

    private void run(String label, boolean withoutServiceAndTeamIndexes, int before, int measured, int group)
            throws Exception {
        Path folder = Files.createTempDirectory("tollgate-record-benchmark");
        try (TestDatabase database = H2TestDatabase.openFile(folder.resolve("tollgate"))) {
            DSLContext db = database.dsl();
            if (withoutServiceAndTeamIndexes) {
                db.execute("drop index gate_evaluation_service_idx");
                db.execute("drop index gate_evaluation_team_tally_idx");
            }
            database.begin();
            GateEvaluationRepository repository = new GateEvaluationRepository(db, Optional::empty);
            Instant at = Instant.parse("2026-11-01T00:00:00Z");
            for (int stored = 0; stored < before; stored += group) {
                at = store(repository, db, group, at);
            }
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long written = writtenBytes(db);
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long started = System.nanoTime();
            int commits = 0;
            for (int stored = 0; stored < measured; stored += group, commits++) {
                at = store(repository, db, group, at);
            }
            long took = System.nanoTime() - started;
            allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
            written = writtenBytes(db) - written;
            System.out.printf(Locale.ROOT, "%-45s %,8.0f µs a commit   %,9d bytes written a commit   %,9d bytes"
                    + " allocated a commit   (%,d commits)%n", label + ":", took / 1e3 / commits, written / commits,
                    allocated / commits, commits);
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** One group of evaluations, one a second apart, in one transaction; answers the next one's time. */
    private Instant store(GateEvaluationRepository repository, DSLContext db, int group, Instant at) {
        List<EvaluationRow> rows = new ArrayList<>(group);
        for (int i = 0; i < group; i++, at = at.plusMillis(1)) {
            int service = random.nextInt(SERVICES);
            rows.add(EvaluationRow.of(evaluation("service-" + service, STAGES[random.nextInt(STAGES.length)], at),
                    "team-" + service % TEAMS, "token:bench", List.of()));
        }
        repository.saveAll(rows);
        db.connection(Connection::commit);
        return at;
    }

    /** An evaluation like {@code bench/run gate}'s: every rule passed, each with its figures and message. */
    private GateEvaluation evaluation(String service, String stage, Instant at) {
        List<RuleOutcome> results = new ArrayList<>(RULES);
        for (int rule = 0; rule < RULES; rule++) {
            RuleKind kind = RuleKind.values()[rule % RuleKind.values().length];
            double observed = Math.round(random.nextDouble() * 10_000) / 10_000.0;
            results.add(new RuleOutcome(service + "-rule-" + rule, 1, "Rule " + rule + " of " + service, kind,
                    RuleStatus.PASS, Effect.NONE, false, observed, 0.05,
                    "errors per requests avg over PT15M in gamma is " + observed + ", at most 0.05"));
        }
        return new GateEvaluation(GeneratedIds.next(), service, versions[random.nextInt(versions.length)], stage,
                "gamma", Verdict.Decision.PROMOTE, null, at, 3, null, results, List.of(), null);
    }

    /** What H2 has written to its file so far: its file store counts it, but does not publish it. */
    private static long writtenBytes(DSLContext db) {
        return db.connectionResult(connection -> {
            FileStore<?> store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase()
                    .getStore().getMvStore().getFileStore();
            Method writeBytes = FileStore.class.getDeclaredMethod("getWriteBytes");
            writeBytes.setAccessible(true);
            return (long) writeBytes.invoke(store);
        });
    }
}
