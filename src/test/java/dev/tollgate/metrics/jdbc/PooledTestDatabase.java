package dev.tollgate.metrics.jdbc;

import java.sql.Connection;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.tollgate.testing.TestDatabase;

/**
 * A pool of connections to the database of a {@link TestDatabase} (the same in-memory H2, or the
 * same PostgreSQL schema), for tests where the store works on several threads at once, as it
 * does in the application: writers, the flush and readers each on a connection of their own.
 */
final class PooledTestDatabase implements AutoCloseable {

    private final TestDatabase database;
    private final HikariDataSource pool;
    private final DSLContext dsl;

    private PooledTestDatabase(TestDatabase database, HikariDataSource pool, SQLDialect dialect) {
        this.database = database;
        this.pool = pool;
        this.dsl = DSL.using(pool, dialect);
    }

    static PooledTestDatabase on(TestDatabase database) {
        SQLDialect dialect = database.dsl().dialect();
        HikariConfig config = new HikariConfig();
        database.dsl().connection(connection -> {
            config.setJdbcUrl(connection.getMetaData().getURL());
            if (dialect.family() == SQLDialect.POSTGRES) {
                // The same role and schema as the test database's own connection.
                config.setUsername(setting("TOLLGATE_TEST_POSTGRES_USER", "tollgate"));
                config.setPassword(setting("TOLLGATE_TEST_POSTGRES_PASSWORD", "tollgate"));
                config.setSchema(connection.getSchema());
            } else {
                config.setUsername(connection.getMetaData().getUserName());
                config.setPassword("");
            }
        });
        config.setMaximumPoolSize(12);
        config.setPoolName("metric-store-test");
        return new PooledTestDatabase(database, new HikariDataSource(config), dialect);
    }

    DSLContext dsl() {
        return dsl;
    }

    /** Runs SQL on a connection of its own, committed, as an operator would. */
    void execute(String sql) {
        try (Connection connection = pool.getConnection()) {
            connection.createStatement().execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        pool.close();
        database.close();
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
