package dev.tollgate.gate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tollgate.api.DatabaseOutages;
import dev.tollgate.gate.GateEvaluationRepository.EvaluationRow;
import dev.tollgate.rules.GateDecision.FailedThreshold;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Stores gate evaluations before they are answered, those asked at the same moment in one
 * transaction (group commit): a commit costs far more than a row, and under load many evaluations
 * wait for one. Whoever gets the writer's lock writes every evaluation waiting, its own among them,
 * wakes each asker as its group commits, and leaves the lock to the asker of the first one still
 * waiting. The others do not queue for the lock to learn that their rows are committed: a lock
 * wakes one waiter at a time, and on two cores busy with thirty requests each of them waited to be
 * scheduled before it could wake the next (a flight recording of {@code bench/run gate} found about
 * a third of the askers parked on that lock at any moment). Each evaluation returns only once the
 * transaction holding its row committed, so an answered evaluation is as durable as before; a
 * failed commit throws to every evaluation of the group, each of which then answers as a database
 * failure does (503 STOP, not recorded). When the gate is busy and only a few evaluations wait,
 * the writer first waits {@code tollgate.gate.commit-linger} for the ones being decided: H2's
 * commit costs about the same for one row as for a dozen.
 */
@Component
class GateRecorder {

    /** The most evaluations one transaction holds: a bound on the time the first of them waits. */
    static final int MAX_GROUP = 64;

    /** How long an asker sleeps before it looks again, were it never woken: a bound, not a pace. */
    private static final Duration BACKSTOP = Duration.ofMillis(10);
    /** A group smaller than this is worth waiting {@code linger} for, when the gate is busy. */
    static final int FEW = 4;
    /** Busy: the last commit ended less than this many lingers ago. */
    private static final int BUSY_LINGERS = 10;

    private final GateEvaluationRepository evaluations;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();
    private final DistributionSummary groups;
    private final long backstopNanos;
    private final long lingerNanos;
    /** When the last group committed ({@link System#nanoTime}); long ago at first. */
    private volatile long lastCommitted = System.nanoTime() - Long.MAX_VALUE / 2;

    @Autowired
    GateRecorder(GateEvaluationRepository evaluations, TransactionTemplate transactions,
            ApplicationEventPublisher events, MeterRegistry registry, GateProperties properties) {
        this(evaluations, transactions, events, registry, BACKSTOP, properties.commitLinger());
    }

    /** With another backstop (a test makes it too long to hide an asker nobody woke) and linger. */
    GateRecorder(GateEvaluationRepository evaluations, TransactionTemplate transactions,
            ApplicationEventPublisher events, MeterRegistry registry, Duration backstop, Duration linger) {
        this.backstopNanos = backstop.toNanos();
        this.lingerNanos = linger.toNanos();
        this.evaluations = evaluations;
        this.transactions = transactions;
        this.events = events;
        // How much the commits are shared: their cost per evaluation falls as groups grow.
        this.groups = DistributionSummary.builder("tollgate.gate.recorder.group")
                .description("Evaluations written in one transaction").baseUnit("evaluations")
                .register(registry);
    }

    /** An evaluation waiting to be written, its asker, and how its write ended: null until then. */
    private static final class Pending {

        private static final Object COMMITTED = new Object();

        final EvaluationRow row;
        final Thread asker = Thread.currentThread();
        private volatile Object outcome;

        Pending(EvaluationRow row) {
            this.row = row;
        }

        boolean settled() {
            return outcome != null;
        }

        void settle(Object how) {
            outcome = how;
            LockSupport.unpark(asker);
        }

        /** Wakes the asker to try for the writer's lock: its row is waiting and no one holds it. */
        void nudge() {
            LockSupport.unpark(asker);
        }
    }

    /** Stores the evaluation and returns once it is committed; throws what the commit threw. */
    void record(GateEvaluation evaluation, String team, String askedBy, List<FailedThreshold> failed) {
        Pending mine = new Pending(EvaluationRow.of(evaluation, team, askedBy, failed));
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // Inside a caller's transaction the row must share its fate, not a group's commit.
            write(List.of(mine));
            return;
        }
        pending.add(mine);
        boolean interrupted = false;
        while (!mine.settled()) {
            if (writer.tryLock()) {
                try {
                    // Under the lock a row is settled or still queued: no other writer holds it.
                    while (!mine.settled()) {
                        writeGroup();
                    }
                } finally {
                    writer.unlock();
                }
                // Evaluations queued after the last group was taken, whose askers found the lock
                // held, would wait with no one to write them: the first one's asker takes the lock.
                Pending left = pending.peek();
                if (left != null) {
                    left.nudge();
                }
            } else {
                // Woken when the group holding the row commits, or nudged; the timeout is a backstop.
                LockSupport.parkNanos(this, backstopNanos);
                // The row is committed or not whatever the asker's thread is told: it waits on, as a
                // lock would, and keeps the interrupt for afterwards (a set flag would not let it park).
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.outcome instanceof RuntimeException failure) {
            throw failure;
        }
    }

    private void writeGroup() {
        if (lingerNanos > 0 && pending.size() < FEW && System.nanoTime() - lastCommitted < BUSY_LINGERS * lingerNanos) {
            // Busy, and few waiting: the evaluations being decided now will be here within the
            // linger, and share this commit rather than each pay for one. A lone pipeline's
            // evaluation, with no commit just before it, never waits.
            LockSupport.parkNanos(this, lingerNanos);
        }
        List<Pending> group = new ArrayList<>();
        for (Pending next; group.size() < MAX_GROUP && (next = pending.poll()) != null;) {
            group.add(next);
        }
        if (group.isEmpty()) {
            return;
        }
        groups.record(group.size());
        try {
            transactions.executeWithoutResult(status -> write(group));
            lastCommitted = System.nanoTime();
            group.forEach(each -> each.settle(Pending.COMMITTED));
        } catch (RuntimeException failure) {
            if (group.size() == 1 || DatabaseOutages.isOutage(failure)) {
                group.forEach(each -> each.settle(failure));
                return;
            }
            // One evaluation the database refused must not take the others with it: each alone.
            for (Pending each : group) {
                try {
                    transactions.executeWithoutResult(status -> write(List.of(each)));
                    each.settle(Pending.COMMITTED);
                } catch (RuntimeException alone) {
                    each.settle(alone);
                }
            }
        } catch (Error error) {
            // Not one waiter may be left with no outcome: it would wait for ever.
            group.forEach(each -> each.settle(new IllegalStateException("the evaluation could not be recorded", error)));
            throw error;
        }
    }

    private void write(List<Pending> group) {
        evaluations.saveAll(group.stream().map(each -> each.row).toList());
        for (Pending each : group) {
            events.publishEvent(new GateEvaluated(each.row.evaluation(), each.row.team()));
        }
    }
}
