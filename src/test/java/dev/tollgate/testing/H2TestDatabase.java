package dev.tollgate.testing;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.jooq.SQLDialect;

/** A fresh H2 in the mode Tollgate runs it in: in memory, vanishing with its connection, or in a file. */
public final class H2TestDatabase {

    /** The settings of src/main/resources/application.properties, which the migrations and jOOQ rely on. */
    static final String SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private H2TestDatabase() {
    }

    public static TestDatabase open() {
        return migrated("jdbc:h2:mem:" + UUID.randomUUID() + SETTINGS);
    }

    /**
     * A new H2 file at {@code file} (without its {@code .mv.db}), written as Tollgate writes its
     * embedded file: every commit before it returns ({@code WRITE_DELAY=0}). For benchmarks of
     * what H2 does on disk.
     */
    public static TestDatabase openFile(Path file) {
        return migrated("jdbc:h2:file:" + file.toAbsolutePath() + SETTINGS + ";WRITE_DELAY=0");
    }

    private static TestDatabase migrated(String url) {
        try {
            return TestDatabase.migrated("H2", DriverManager.getConnection(url, "tollgate", ""), SQLDialect.H2, null,
                    connection -> {
                    });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open the H2 database " + url, e);
        }
    }
}
