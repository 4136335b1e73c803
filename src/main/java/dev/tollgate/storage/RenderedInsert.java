package dev.tollgate.storage;

import java.sql.PreparedStatement;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Insert;

/**
 * A jOOQ insert rendered to SQL once, then run through JDBC for rows of new values, as one batch:
 * for the gate's record of each evaluation, written by the group under load. Building, rendering
 * and binding the insert through jOOQ each time (or jOOQ's own batch, which renders it again)
 * cost as much as H2's whole work on the rows (measured with a flight recording of
 * {@code bench/run gate}). Values are bound as {@link RenderedQuery} binds them.
 *
 * <p>It bypasses jOOQ's execute listeners, so it asks {@link WriteRefusals} itself, as the guard
 * among them does: while the data folder refuses writes, nothing is written and the caller gets
 * the same 503. Runs on the connection of the caller's transaction when there is one.
 */
public final class RenderedInsert {

    private final DSLContext db;
    private final WriteRefusals refusals;
    private final String sql;
    private final int parameters;

    /** {@code insert} has a placeholder ({@code (String) null}, say) for each value a row gives, in order. */
    public RenderedInsert(DSLContext db, Insert<?> insert, WriteRefusals refusals) {
        this.db = db;
        this.refusals = refusals;
        this.sql = db.render(insert);
        this.parameters = insert.getBindValues().size();
    }

    /** Inserts a row of each of {@code rows}; all or none, as the caller's transaction decides. */
    public void execute(List<Object[]> rows) {
        refusals.requireWritable();
        db.connection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                if (rows.size() == 1) {
                    RenderedQuery.bind(statement, rows.get(0), parameters, sql);
                    statement.executeUpdate();
                    return;
                }
                for (Object[] row : rows) {
                    RenderedQuery.bind(statement, row, parameters, sql);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    @Override
    public String toString() {
        return sql;
    }
}
