package dev.tollgate.testing;

import java.sql.Connection;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database of its own for one test class, migrated by Tollgate's Flyway scripts from
 * {@code db/migration}, on one connection. {@link #begin()} and {@link #rollback()} wrap each
 * test, so every test starts from the freshly migrated state without migrating again.
 */
public final class TestDatabase implements AutoCloseable {

    private final String name;
    private final Connection connection;
    private final DSLContext dsl;
    private final Cleanup cleanup;

    @FunctionalInterface
    interface Cleanup {
        void run(Connection connection) throws SQLException;
    }

    private TestDatabase(String name, Connection connection, SQLDialect dialect, Cleanup cleanup) {
        this.name = name;
        this.connection = connection;
        this.dsl = DSL.using(connection, dialect);
        this.cleanup = cleanup;
    }

    /** Migrates the database behind {@code connection}, whose default schema is {@code schema}. */
    static TestDatabase migrated(String name, Connection connection, SQLDialect dialect, String schema, Cleanup cleanup) {
        var flyway = Flyway.configure()
                .dataSource(new SingleConnectionDataSource(connection, true))
                .locations("classpath:db/migration");
        if (schema != null) {
            flyway.schemas(schema).defaultSchema(schema).createSchemas(false);
        }
        flyway.load().migrate();
        return new TestDatabase(name, connection, dialect, cleanup);
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** Starts the transaction that {@link #rollback()} undoes. */
    public void begin() {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start a transaction on " + name, e);
        }
    }

    public void rollback() {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not roll back on " + name, e);
        }
    }

    @Override
    public void close() {
        try (connection) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            cleanup.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clean up " + name, e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
