package dev.tollgate.testing;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.jooq.SQLDialect;

/** A fresh in-memory H2 in the mode Tollgate runs it in; it vanishes with its connection. */
public final class H2TestDatabase {

    /** The settings of src/main/resources/application.properties, which the migrations and jOOQ rely on. */
    static final String SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private H2TestDatabase() {
    }

    public static TestDatabase open() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + SETTINGS;
        try {
            return TestDatabase.migrated("H2", DriverManager.getConnection(url, "tollgate", ""), SQLDialect.H2, null,
                    connection -> {
                    });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open an in-memory H2 database", e);
        }
    }
}
