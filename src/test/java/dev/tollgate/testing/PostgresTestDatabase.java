package dev.tollgate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import org.jooq.SQLDialect;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema, with a random name, in the PostgreSQL that {@code TOLLGATE_TEST_POSTGRES_URL},
 * {@code _USER} and {@code _PASSWORD} name (default: a local {@code tollgate_test} database owned
 * by {@code tollgate}). It is dropped again on {@link TestDatabase#close()}.
 * <p>
 * When PostgreSQL cannot be reached the tests are skipped with instructions, except on CI
 * ({@code CI=true}), where a missing database must fail the build rather than hide.
 */
public final class PostgresTestDatabase {

    static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/tollgate_test";

    private PostgresTestDatabase() {
    }

    public static TestDatabase open() {
        String url = setting("TOLLGATE_TEST_POSTGRES_URL", DEFAULT_URL);
        Connection connection = connect(url);
        String schema = "tollgate_test_" + UUID.randomUUID().toString().replace("-", "");
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create schema " + schema);
            }
            connection.setSchema(schema);
            return TestDatabase.migrated("PostgreSQL", connection, SQLDialect.POSTGRES, schema, open -> {
                try (Statement statement = open.createStatement()) {
                    statement.execute("drop schema " + schema + " cascade");
                }
            });
        } catch (SQLException | RuntimeException e) {
            try (connection) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("drop schema if exists " + schema + " cascade");
                }
            } catch (SQLException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new IllegalStateException("Could not prepare schema " + schema + " in " + url, e);
        }
    }

    /**
     * The JDBC URL of a new, empty schema, for a whole application to migrate and use (with
     * {@link #user()} and {@link #password()}); the schema is dropped when the JVM exits.
     */
    public static String emptySchemaUrl() {
        String url = setting("TOLLGATE_TEST_POSTGRES_URL", DEFAULT_URL);
        String schema = "tollgate_app_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create schema " + schema + " in " + url, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + schema + " cascade");
            } catch (SQLException | RuntimeException e) {
                // A schema left behind in a test database is harmless.
            }
        }));
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static String user() {
        return setting("TOLLGATE_TEST_POSTGRES_USER", "tollgate");
    }

    public static String password() {
        return setting("TOLLGATE_TEST_POSTGRES_PASSWORD", "tollgate");
    }

    private static Connection connect(String url) {
        Properties properties = new Properties();
        properties.setProperty("user", user());
        properties.setProperty("password", password());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "10");
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            String message = "PostgreSQL not reachable at " + url + "; install and start it with: "
                    + "sudo apt-get install postgresql && sudo pg_ctlcluster 15 main start && "
                    + "sudo -u postgres psql -c \"create role tollgate login password 'tollgate'\" "
                    + "-c \"create database tollgate_test owner tollgate\"";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message + " (CI=true, so this fails instead of skipping: " + e.getMessage() + ")", e);
            }
            return Assumptions.abort(message + " (" + e.getMessage() + ")");
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
