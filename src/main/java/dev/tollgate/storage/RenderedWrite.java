package dev.tollgate.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * A jOOQ insert or update rendered to SQL once, then run through JDBC for rows of new values, as
 * one batch: for the writes made many times a second, the gate's record of each evaluation and the
 * metric store's batches and rollup rows. Building, rendering and binding them through jOOQ each
 * time (or jOOQ's own batch, which renders the statement again and binds every value through its
 * bindings) cost as much as the database's whole work on the rows (measured with flight recordings
 * of {@code bench/run gate} and {@code bench/run ingest}). Values are bound as
 * {@link RenderedQuery} binds them.
 *
 * <p>It bypasses jOOQ's execute listeners, so it asks {@link WriteRefusals} itself, as the guard
 * among them does: while the data folder refuses writes, nothing is written and the caller gets
 * the same 503.
 */
public final class RenderedWrite {

    private final DSLContext db;
    private final WriteRefusals refusals;
    private final String sql;
    private final int parameters;

    /** {@code write} has a placeholder ({@code (String) null}, say) for each value a row gives, in order. */
    public RenderedWrite(DSLContext db, Query write, WriteRefusals refusals) {
        this.db = db;
        this.refusals = refusals;
        this.sql = db.render(write);
        this.parameters = write.getBindValues().size();
    }

    /**
     * Writes with each of {@code rows}, on the connection of the caller's transaction when it runs
     * in one of Spring's; all or none, as that transaction decides. Answers the rows each changed.
     */
    public int[] execute(List<Object[]> rows) {
        return execute(db, rows);
    }

    /**
     * The same on the connection of {@code on}: the {@code dsl()} of the jOOQ transaction the caller
     * runs in, whose connection is its own.
     */
    public int[] execute(DSLContext on, List<Object[]> rows) {
        refusals.requireWritable();
        return on.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                if (rows.size() == 1) {
                    RenderedQuery.bind(statement, rows.get(0), parameters, sql);
                    return new int[] { statement.executeUpdate() };
                }
                for (Object[] row : rows) {
                    RenderedQuery.bind(statement, row, parameters, sql);
                    statement.addBatch();
                }
                return statement.executeBatch();
            }
        });
    }

    /** Inserts one row on the connection of {@code on} and answers the key the database made for {@code keyColumn}. */
    public long insertReturningKey(DSLContext on, String keyColumn, Object... values) {
        refusals.requireWritable();
        return on.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql, new String[] { keyColumn })) {
                RenderedQuery.bind(statement, values, parameters, sql);
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new IllegalStateException("No " + keyColumn + " came back from " + sql);
                    }
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public String toString() {
        return sql;
    }
}
