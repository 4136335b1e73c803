package dev.tollgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseOutagesTest {

    @Test
    void a_pool_timeout_is_an_outage_however_deeply_wrapped() {
        SQLTransientConnectionException timeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 2000ms");
        assertThat(DatabaseOutages.isOutage(new CannotCreateTransactionException("no connection", timeout))).isTrue();
        assertThat(DatabaseOutages.isOutage(new RuntimeException(new IllegalStateException(timeout)))).isTrue();
    }

    @Test
    void a_driver_failure_with_a_connection_sqlstate_is_an_outage() {
        SQLException io = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new EOFException());
        assertThat(DatabaseOutages.isOutage(new org.jooq.exception.DataAccessException("jOOQ", io))).isTrue();
        assertThat(DatabaseOutages.isOutage(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(DatabaseOutages.isOutage(new DataAccessResourceFailureException("JDBC commit", io))).isTrue();
    }

    @Test
    void a_rollback_that_failed_after_an_outage_is_an_outage() {
        TransactionSystemException afterWork = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        afterWork.initApplicationException(new SQLException("I/O error", "08006"));
        assertThat(DatabaseOutages.isOutage(afterWork)).isTrue();
        assertThat(DatabaseOutages.isOutage(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).as("after a commit, whose failure Spring only logs").isTrue();
    }

    @Test
    void refusals_and_bugs_are_not_outages() {
        assertThat(DatabaseOutages.isOutage(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseOutages.isOutage(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseOutages.isOutage(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseOutages.isOutage(new TransactionSystemException("JDBC rollback failed",
                new SQLException("deadlock", "40P01")))).isFalse();
    }

    @Test
    void the_log_reads_the_drivers_words_rather_than_the_sockets() {
        SQLException io = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new EOFException());
        assertThat(DatabaseOutages.rootCause(new DataAccessResourceFailureException("jOOQ", io)))
                .isEqualTo("SQLException: An I/O error occurred while sending to the backend.");
        assertThat(DatabaseOutages.rootCause(new IllegalStateException("outer", new EOFException("end"))))
                .isEqualTo("EOFException: end");
    }

    @Test
    void a_cause_chain_that_loops_ends() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(DatabaseOutages.isOutage(first)).isFalse();
    }
}
