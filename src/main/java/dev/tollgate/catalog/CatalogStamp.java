package dev.tollgate.catalog;

import static dev.tollgate.db.Tables.CATALOG_STAMP;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import dev.tollgate.storage.RenderedQuery;

/**
 * The number that moves with every change to a service or a rule ({@code catalog_stamp}), so that
 * a node may keep them in memory and learn with one cheap read that they changed, on whichever
 * node. {@link #moved()} must run in the transaction of the change: then no one reads the new
 * stamp without the change, and what was read after a stamp is at least as new as it.
 */
@Component
public class CatalogStamp {

    private static final int ROW = 1;

    private final DSLContext db;
    /** Read on every gate evaluation. */
    private final RenderedQuery current;

    public CatalogStamp(DSLContext db) {
        this.db = db;
        this.current = new RenderedQuery(db, db.select(CATALOG_STAMP.STAMP).from(CATALOG_STAMP)
                .where(CATALOG_STAMP.ID.eq(DSL.inline(ROW))));
    }

    /** The stamp now. */
    public long current() {
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
    }
}
