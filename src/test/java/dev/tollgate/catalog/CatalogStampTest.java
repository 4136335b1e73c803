package dev.tollgate.catalog;

import static dev.tollgate.db.Tables.CATALOG_STAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalog stamp on an H2 file, whose one writer is this process: known here, moved by the
 * commits of this process's moves, to the number the row holds.
 */
class CatalogStampTest {

    @TempDir
    Path folder;

    private DSLContext db;
    private TransactionTemplate transactions;

    @BeforeEach
    void open() {
        JdbcDataSource file = new JdbcDataSource();
        file.setURL("jdbc:h2:file:" + folder.resolve("tollgate")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        file.setUser("tollgate");
        Flyway.configure().dataSource(file).locations("classpath:db/migration").load().migrate();
        // As in the application: statements join the transaction Spring's manager holds.
        db = DSL.using(new TransactionAwareDataSourceProxy(file), SQLDialect.H2);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(file));
    }

    private long row() {
        return db.select(CATALOG_STAMP.STAMP).from(CATALOG_STAMP).fetchSingle().value1();
    }

    @Test
    void a_stamp_known_here_is_not_read_again() {
        CatalogStamp stamp = new CatalogStamp(db, true);
        long first = stamp.current();
        assertThat(first).isEqualTo(row());

        // Only another writer could do this; there is none, so it is not looked for.
        db.update(CATALOG_STAMP).set(CATALOG_STAMP.STAMP, CATALOG_STAMP.STAMP.plus(10L)).execute();

        assertThat(stamp.current()).isEqualTo(first);
        // A database shared with other nodes is read every time.
        assertThat(new CatalogStamp(db, false).current()).isEqualTo(first + 10);
    }

    @Test
    void a_move_counts_once_its_transaction_committed_to_the_number_the_row_holds() throws Exception {
        CatalogStamp stamp = new CatalogStamp(db, true);
        long before = stamp.current();

        transactions.executeWithoutResult(status -> {
            stamp.moved();
            stamp.moved();
            // Not yet for anyone: the change is not committed.
            assertThat(CompletableFuture.supplyAsync(stamp::current).orTimeout(5, TimeUnit.SECONDS).join())
                    .isEqualTo(before);
        });

        assertThat(stamp.current()).isEqualTo(before + 2).isEqualTo(row());
    }

    @Test
    void a_move_rolled_back_does_not_count() {
        CatalogStamp stamp = new CatalogStamp(db, true);
        long before = stamp.current();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            stamp.moved();
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");

        assertThat(stamp.current()).isEqualTo(before).isEqualTo(row());
    }

    @Test
    void a_move_outside_a_transaction_counts_at_once() {
        CatalogStamp stamp = new CatalogStamp(db, true);
        long before = stamp.current();

        stamp.moved();

        assertThat(stamp.current()).isEqualTo(before + 1).isEqualTo(row());
    }

    @Test
    void moves_committed_before_the_first_read_are_read_then() {
        CatalogStamp stamp = new CatalogStamp(db, true);
        long before = row();

        transactions.executeWithoutResult(status -> stamp.moved());

        assertThat(stamp.current()).isEqualTo(before + 1);
    }
}
