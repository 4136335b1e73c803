package dev.tollgate.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Select;

/**
 * A jOOQ select rendered to SQL once, then run through JDBC with new values. For the few reads the
 * promotion gate makes on every evaluation: building and rendering those queries each time cost
 * jOOQ three to five times what the database took to answer them (measured with a flight
 * recording of {@code bench/run gate}). The SQL is still jOOQ's, in the configured dialect.
 *
 * <p>Build the query with a placeholder ({@code (String) null}, say) for each value given later,
 * in the order they appear in the SQL, and with every constant inlined ({@code DSL.inline}): the
 * count of values is checked against the count of bind parameters on every run. Runs on the
 * connection of the caller's transaction when there is one. Instants are bound and read as
 * {@link OffsetDateTime}s in UTC, which H2 and PostgreSQL both take for a timestamp with time zone.
 *
 * <p>Selects only: the statements bypass jOOQ's execute listeners, among them the guard that
 * refuses writes while the data folder is full ({@code DataFolderWriteGuard}).
 */
public final class RenderedQuery {

    /** Reads one row of the result. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final DSLContext db;
    private final String sql;
    private final int parameters;

    public RenderedQuery(DSLContext db, Select<?> query) {
        this.db = db;
        this.sql = db.render(query);
        this.parameters = query.getBindValues().size();
    }

    /** Every row, read in order. */
    public <T> List<T> list(RowReader<T> reader, Object... values) {
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, values);
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> read = new ArrayList<>();
                    while (rows.next()) {
                        read.add(reader.read(rows));
                    }
                    return read;
                }
            }
        });
    }

    /** The first row, if there is one. */
    public <T> Optional<T> first(RowReader<T> reader, Object... values) {
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, values);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
                }
            }
        });
    }

    /** The instant in {@code column} of the current row, or null. */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    @Override
    public String toString() {
        return sql;
    }

    private void bind(PreparedStatement statement, Object[] values) throws SQLException {
        bind(statement, values, parameters, sql);
    }

    /** Binds {@code values} in order, Instants as OffsetDateTimes in UTC; their count must be the statement's. */
    static void bind(PreparedStatement statement, Object[] values, int parameters, String sql) throws SQLException {
        if (values.length != parameters) {
            throw new IllegalArgumentException(values.length + " values for the " + parameters + " parameters of " + sql);
        }
        for (int i = 0; i < values.length; i++) {
            Object value = values[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : values[i];
            statement.setObject(i + 1, value);
        }
    }
}
