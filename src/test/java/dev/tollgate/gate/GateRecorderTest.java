package dev.tollgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tollgate.gate.GateEvaluationRepository.EvaluationRow;
import dev.tollgate.rules.Verdict;

/** Group commit of gate evaluations: fewer commits, and no evaluation answered before its own row is committed. */
class GateRecorderTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final ExecutorService askers = Executors.newFixedThreadPool(16);
    private final Transactions database = new Transactions();
    private final Rows rows = new Rows(database);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final GateRecorder recorder = recorder(Duration.ZERO);

    /** No backstop to speak of: an asker left unwoken would fail the test by its timeout. */
    private GateRecorder recorder(Duration linger) {
        return new GateRecorder(rows, new TransactionTemplate(database), event -> {
        }, meters, Duration.ofHours(1), linger);
    }

    @AfterEach
    void close() {
        askers.shutdownNow();
    }

    @Test
    void evaluations_asked_together_share_commits_and_each_returns_only_after_its_own_row_is_committed() throws Exception {
        database.holdFirstCommit = new CountDownLatch(1);
        List<Future<?>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String id = "e" + i;
            answers.add(askers.submit(() -> {
                recorder.record(evaluation(id), "payments", "pipeline", List.of());
                // Answered: the transaction that wrote the row must have committed by now.
                assertThat(database.committed).contains(rows.writtenIn.get(id));
                return null;
            }));
        }
        // The first commit is held while the other evaluations queue up behind it.
        while (database.commitsStarted.get() == 0) {
            Thread.sleep(5);
        }
        Thread.sleep(200);
        database.holdFirstCommit.countDown();
        for (Future<?> answer : answers) {
            answer.get(10, TimeUnit.SECONDS);
        }

        assertThat(rows.written.get()).isEqualTo(16);
        assertThat(database.committed).hasSizeLessThan(16);
        DistributionSummary groups = meters.get("tollgate.gate.recorder.group").summary();
        assertThat(groups.count()).isEqualTo(database.committed.size());
        assertThat(groups.totalAmount()).isEqualTo(16);
    }

    @Test
    void many_askers_at_once_are_all_answered_each_after_its_own_commit() throws Exception {
        // Commits slow enough for askers to queue behind each one.
        database.commitMillis = 1;
        int askersCount = 16;
        int each = 100;
        List<Future<?>> answers = new ArrayList<>();
        for (int asker = 0; asker < askersCount; asker++) {
            int first = asker * each;
            answers.add(askers.submit(() -> {
                for (int i = first; i < first + each; i++) {
                    String id = "e" + i;
                    recorder.record(evaluation(id), "payments", "pipeline", List.of());
                    assertThat(database.committed).contains(rows.writtenIn.get(id));
                }
                return null;
            }));
        }
        for (Future<?> answer : answers) {
            answer.get(20, TimeUnit.SECONDS);
        }

        assertThat(rows.written.get()).isEqualTo(askersCount * each);
        assertThat(meters.get("tollgate.gate.recorder.group").summary().totalAmount()).isEqualTo(askersCount * each);
    }

    @Test
    void an_evaluation_asked_while_the_gate_is_idle_never_lingers() throws Exception {
        GateRecorder lingering = recorder(Duration.ofHours(1));

        askers.submit(() -> lingering.record(evaluation("alone"), "payments", "pipeline", List.of()))
                .get(10, TimeUnit.SECONDS);

        assertThat(database.committed).hasSize(1);
    }

    @Test
    void when_busy_a_small_group_waits_for_the_evaluations_being_decided_and_shares_their_commit() throws Exception {
        GateRecorder lingering = recorder(Duration.ofMillis(300));
        lingering.record(evaluation("first"), "payments", "pipeline", List.of());
        List<Future<?>> answers = new ArrayList<>();
        for (int i = 0; i < GateRecorder.FEW - 1; i++) {
            String id = "e" + i;
            answers.add(askers.submit(() -> lingering.record(evaluation(id), "payments", "pipeline", List.of())));
            // Each would commit alone without the linger: a commit here takes microseconds.
            Thread.sleep(50);
        }
        for (Future<?> answer : answers) {
            answer.get(10, TimeUnit.SECONDS);
        }

        // Just after a commit, the first of them waited for the others: one commit for all three.
        assertThat(database.committed).hasSize(2);
        DistributionSummary groups = meters.get("tollgate.gate.recorder.group").summary();
        assertThat(groups.max()).isEqualTo(GateRecorder.FEW - 1);
    }

    @Test
    void a_commit_that_fails_on_an_outage_throws_to_the_evaluation() {
        database.failCommits = true;

        assertThatThrownBy(() -> recorder.record(evaluation("e1"), "payments", "pipeline", List.of()))
                .isInstanceOf(CannotGetJdbcConnectionException.class);
        assertThat(database.committed).isEmpty();
    }

    @Test
    void a_row_the_database_refuses_fails_its_own_evaluation_and_no_other() throws Exception {
        rows.refused = "bad";
        database.holdFirstCommit = new CountDownLatch(1);
        Future<?> first = askers.submit(() -> recorder.record(evaluation("first"), "payments", "pipeline", List.of()));
        while (database.commitsStarted.get() == 0) {
            Thread.sleep(5);
        }
        // Both wait behind the held commit, and are written in one group.
        Future<?> bad = askers.submit(() -> recorder.record(evaluation("bad"), "payments", "pipeline", List.of()));
        Future<?> good = askers.submit(() -> recorder.record(evaluation("good"), "payments", "pipeline", List.of()));
        Thread.sleep(100);
        database.holdFirstCommit.countDown();

        first.get(10, TimeUnit.SECONDS);
        good.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(DataIntegrityViolationException.class);
        assertThat(database.committed).contains(rows.writtenIn.get("first"), rows.writtenIn.get("good"));
    }

    private static GateEvaluation evaluation(String id) {
        return new GateEvaluation(id, "checkout", "1.0.0", "prod", "gamma", Verdict.Decision.PROMOTE, null, NOW, 1, null,
                List.of(), List.of(), null);
    }

    /** A transaction manager that numbers transactions, can hold the first commit, and can fail every commit. */
    private static final class Transactions extends AbstractPlatformTransactionManager {

        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger commitsStarted = new AtomicInteger();
        final Set<Integer> committed = ConcurrentHashMap.newKeySet();
        final ThreadLocal<Integer> current = new ThreadLocal<>();
        volatile CountDownLatch holdFirstCommit;
        volatile boolean failCommits;
        volatile long commitMillis;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            current.set(started.incrementAndGet());
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            if (commitsStarted.getAndIncrement() == 0 && holdFirstCommit != null) {
                try {
                    holdFirstCommit.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failCommits) {
                throw new CannotGetJdbcConnectionException("the database is down");
            }
            if (commitMillis > 0) {
                try {
                    Thread.sleep(commitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            committed.add(current.get());
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }

    /** The evaluation rows: which transaction wrote each, and one id the database refuses. */
    private static final class Rows extends GateEvaluationRepository {

        private final Transactions database;
        final AtomicInteger written = new AtomicInteger();
        final Map<String, Integer> writtenIn = new ConcurrentHashMap<>();
        volatile String refused;

        Rows(Transactions database) {
            // Never asked to read: a context without a connection, enough to render its queries.
            super(DSL.using(SQLDialect.H2), Optional::empty);
            this.database = database;
        }

        @Override
        void saveAll(List<EvaluationRow> evaluations) {
            // As a batch does: one refused row fails the statement, and nothing of it is written.
            if (evaluations.stream().anyMatch(row -> row.evaluation().id().equals(refused))) {
                throw new DataIntegrityViolationException("refused");
            }
            for (EvaluationRow row : evaluations) {
                written.incrementAndGet();
                writtenIn.put(row.evaluation().id(), database.current.get());
            }
        }
    }
}
