package dev.tollgate.catalog;

import static dev.tollgate.db.Tables.CATALOG_STAMP;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.tollgate.storage.DatabaseUrls;
import dev.tollgate.storage.RenderedQuery;

/**
 * The number that moves with every change to a service or a rule ({@code catalog_stamp}), so that
 * a node may keep them in memory and learn with one cheap read that they changed, on whichever
 * node. {@link #moved()} must run in the transaction of the change: then no one reads the new
 * stamp without the change, and what was read after a stamp is at least as new as it.
 *
 * <p>On an embedded H2 file, this process is the database's only writer (H2 locks the file), so
 * every move is one of its own: the stamp is then known here, read once and again after each
 * move's transaction has ended. Reading it was 3% of the gate's CPU, on every evaluation. The stamp
 * known here moves only once the move has committed, so what was read after it is at least as new
 * as it, as with the row.
 */
@Component
public class CatalogStamp {

    private static final int ROW = 1;
    private static final long UNKNOWN = Long.MIN_VALUE;

    private final DSLContext db;
    /** Read on every gate evaluation, unless {@link #soleWriter}. */
    private final RenderedQuery current;
    private final boolean soleWriter;
    /** With {@link #soleWriter}: the stamp as committed, once read; set under {@code this}. */
    private volatile long known = UNKNOWN;

    /** A stamp read from the database each time: what any node sharing a database needs. */
    public CatalogStamp(DSLContext db) {
        this(db, false);
    }

    @Autowired
    CatalogStamp(DSLContext db, @Value("${spring.datasource.url:}") String databaseUrl) {
        // Not an in-memory database either: other application contexts in the same JVM (tests) may share it.
        this(db, DatabaseUrls.isH2FileOfOneWriter(databaseUrl));
    }

    CatalogStamp(DSLContext db, boolean soleWriter) {
        this.db = db;
        this.soleWriter = soleWriter;
        this.current = new RenderedQuery(db, db.select(CATALOG_STAMP.STAMP).from(CATALOG_STAMP)
                .where(CATALOG_STAMP.ID.eq(DSL.inline(ROW))));
    }

    /** The stamp now. */
    public long current() {
        if (!soleWriter) {
            return read();
        }
        long stamp = known;
        if (stamp != UNKNOWN) {
            return stamp;
        }
        synchronized (this) {
            // A move ending meanwhile waits for this lock, and then reads the row again itself.
            if (known == UNKNOWN) {
                known = read();
            }
            return known;
        }
    }

    private long read() {
        return current.first(row -> row.getLong(1))
                .orElseThrow(() -> new IllegalStateException("The catalog_stamp row is missing"));
    }

    /**
     * Moves the stamp. Writers call it before they touch their own rows: every one then takes the
     * stamp's row lock first, so two changes wait for each other instead of deadlocking.
     */
    public void moved() {
        db.update(CATALOG_STAMP).set(CATALOG_STAMP.STAMP, CATALOG_STAMP.STAMP.plus(1L))
                .where(CATALOG_STAMP.ID.eq(ROW)).execute();
        if (!soleWriter) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    movedHere();
                }
            });
        } else {
            // No transaction of Spring's: the update above has committed by itself.
            movedHere();
        }
    }

    /**
     * A move of this process's committed or rolled back: the row, which only this process writes,
     * says which. Read rather than counted, so that a move whose update committed by itself in a
     * transaction that then rolled back (one that had no connection of its own) is not lost.
     */
    private synchronized void movedHere() {
        try {
            known = read();
        } catch (RuntimeException e) {
            // Unknown again: the next caller reads the row, or fails as a read of it would.
            known = UNKNOWN;
            throw e;
        }
    }
}
