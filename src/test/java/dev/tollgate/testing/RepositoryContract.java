package dev.tollgate.testing;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * A repository contract run against a real database migrated by db/migration, once per
 * database (a subclass per database opens it). Each test runs in a transaction that is rolled
 * back. Where the database is absent, {@link #openDatabase()} aborts and every test is reported
 * as skipped, with the command that installs it (under {@code CI=true} it fails instead).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RepositoryContract {

    private TestDatabase database;
    private TestAbortedException unavailable;

    /** The database, migrated; {@link H2TestDatabase#open()} or {@link PostgresTestDatabase#open()}. */
    protected abstract TestDatabase openDatabase();

    /** Builds the repositories under test on the migrated database. */
    protected abstract void connect(DSLContext db);

    /** Rows every test needs, written inside its transaction. */
    protected void seed(DSLContext db) {
    }

    protected final DSLContext dsl() {
        return database.dsl();
    }

    @BeforeAll
    final void migrate() {
        try {
            database = openDatabase();
        } catch (TestAbortedException e) {
            unavailable = e;
            return;
        }
        connect(database.dsl());
    }

    @AfterAll
    final void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    final void begin() {
        if (unavailable != null) {
            Assumptions.abort(unavailable.getMessage());
        }
        database.begin();
        seed(database.dsl());
    }

    @AfterEach
    final void rollback() {
        if (database != null) {
            database.rollback();
        }
    }
}
