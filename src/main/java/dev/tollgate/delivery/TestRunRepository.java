package dev.tollgate.delivery;

import static dev.tollgate.db.Tables.TEST_RUN;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.tollgate.db.tables.records.TestRunRecord;
import dev.tollgate.storage.RenderedQuery;

@Repository
class TestRunRepository {

    private final DSLContext db;

    /** The gate's read of a version's runs, on every evaluation: rendered once (see {@link RenderedQuery}). */
    private final RenderedQuery versionRuns;
    private final RenderedQuery versionRunsBy;

    TestRunRepository(DSLContext db) {
        this.db = db;
        this.versionRuns = versionRuns(false);
        this.versionRunsBy = versionRuns(true);
    }

    /** Stores runs in as few statements as the database takes; answers them with the ids it gave them, in order. */
    List<TestRun> insert(List<TestRun> runs, Instant recordedAt) {
        List<TestRun> stored = new ArrayList<>();
        for (List<TestRun> chunk : StatementRows.split(runs)) {
            stored.addAll(insertChunk(chunk, recordedAt));
        }
        return stored;
    }

    private List<TestRun> insertChunk(List<TestRun> runs, Instant recordedAt) {
        var insert = db.insertInto(TEST_RUN, TEST_RUN.SERVICE_ID, TEST_RUN.STAGE, TEST_RUN.VERSION, TEST_RUN.SUITE,
                TEST_RUN.PASSED, TEST_RUN.FAILED, TEST_RUN.RUN_AT, TEST_RUN.RECORDED_AT);
        for (TestRun run : runs) {
            insert = insert.values(run.service(), run.stage(), run.version(), run.suite(), run.passed(), run.failed(),
                    run.time(), recordedAt);
        }
        List<Long> ids = insert.returningResult(TEST_RUN.ID).fetch(r -> r.value1());
        // Identities grow in the order of the rows of one insert, whatever order the database returns them in.
        List<Long> sorted = ids.stream().sorted().toList();
        return IntStream.range(0, runs.size()).mapToObj(i -> {
            TestRun run = runs.get(i);
            return new TestRun(sorted.get(i), run.service(), run.stage(), run.version(), run.suite(), run.passed(),
                    run.failed(), run.time());
        }).toList();
    }

    /** Newest first; each argument filters when it is not null. */
    List<TestRun> find(String service, String stage, String version, Collection<String> onlyServices, int limit) {
        Condition condition = DSL.noCondition();
        if (service != null) {
            condition = condition.and(TEST_RUN.SERVICE_ID.eq(service));
        }
        if (stage != null) {
            condition = condition.and(TEST_RUN.STAGE.eq(stage));
        }
        if (version != null) {
            condition = condition.and(TEST_RUN.VERSION.eq(version));
        }
        if (onlyServices != null) {
            condition = condition.and(TEST_RUN.SERVICE_ID.in(onlyServices));
        }
        return db.selectFrom(TEST_RUN).where(condition)
                .orderBy(TEST_RUN.RUN_AT.desc(), TEST_RUN.ID.desc())
                .limit(limit)
                .fetch(TestRunRepository::toTestRun);
    }

    /** The latest run of each suite of a version in a stage, in suite order. */
    List<TestRun> findLatestPerSuite(String service, String stage, String version) {
        return findLatestPerSuite(service, stage, version, null);
    }

    /**
     * The latest run of each suite among those run by {@code at}, or among all when it is null.
     * The version's runs are read newest first within each suite, down the index on (service,
     * stage, version, suite, run_at), and the first of each suite kept: a version is tested a
     * handful of times, and ranking them in the database cost the gate more than reading them.
     */
    List<TestRun> findLatestPerSuite(String service, String stage, String version, Instant at) {
        Map<String, TestRun> latest = new LinkedHashMap<>();
        List<TestRun> runs = at == null ? versionRuns.list(TestRunRepository::readRun, service, stage, version)
                : versionRunsBy.list(TestRunRepository::readRun, service, stage, version, at);
        runs.forEach(run -> latest.putIfAbsent(run.suite(), run));
        return List.copyOf(latest.values());
    }

    /** A version's runs, newest first within each suite, run by a moment when {@code by}. */
    private RenderedQuery versionRuns(boolean by) {
        return new RenderedQuery(db, db.select(TEST_RUN.ID, TEST_RUN.SERVICE_ID, TEST_RUN.STAGE, TEST_RUN.VERSION,
                        TEST_RUN.SUITE, TEST_RUN.PASSED, TEST_RUN.FAILED, TEST_RUN.RUN_AT)
                .from(TEST_RUN)
                .where(TEST_RUN.SERVICE_ID.eq((String) null), TEST_RUN.STAGE.eq((String) null),
                        TEST_RUN.VERSION.eq((String) null), by ? TEST_RUN.RUN_AT.le((Instant) null) : DSL.noCondition())
                .orderBy(TEST_RUN.SUITE, TEST_RUN.RUN_AT.desc(), TEST_RUN.ID.desc()));
    }

    private static TestRun readRun(ResultSet row) throws SQLException {
        return new TestRun(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getInt(6), row.getInt(7), RenderedQuery.instant(row, 8));
    }

    private static TestRun toTestRun(TestRunRecord r) {
        return new TestRun(r.getId(), r.getServiceId(), r.getStage(), r.getVersion(), r.getSuite(), r.getPassed(),
                r.getFailed(), r.getRunAt());
    }
}
