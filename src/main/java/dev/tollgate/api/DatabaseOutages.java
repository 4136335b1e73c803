package dev.tollgate.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells a database that cannot be reached (down, restarting, cut off) from every other failure,
 * so that callers get 503 with {@code Retry-After} and a problem detail saying so, never a 500:
 * a pipeline can wait and retry an outage, while a 500 reads as a bug.
 * <p>
 * The failure arrives wrapped in as many layers as there are libraries between the request and
 * the socket (jOOQ, Spring's translation, the transaction manager, Hikari, the driver), so the
 * whole cause chain is searched.
 */
public final class DatabaseOutages {

    /** How long a caller is told to wait: Hikari gives up on a connection after 2 s, a restart takes a few. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** The reason a caller reads; the driver's own words (host, port, SQL) go to the log only. */
    public static final String REASON = "the database is unavailable";

    public static final String TITLE = "Service unavailable";

    /**
     * SQLState classes and codes that mean the connection is gone or cannot be made: class 08
     * (connection exception) and PostgreSQL's 57P01 to 57P03 (terminated by a shutdown or a
     * restart, or not accepting connections while it starts).
     */
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

    private static final String CLOSED_BY_POOL = "Connection is closed";

    /** Deep enough for any real chain, and an end to a chain that loops. */
    private static final int MAX_DEPTH = 32;

    private DatabaseOutages() {
    }

    /** Whether {@code failure}, or anything that caused it, says the database cannot be reached. */
    public static boolean isOutage(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof TransactionSystemException rollback && isRollbackAfterOutage(rollback, failure)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A transaction that failed on the outage and then could not roll back reports the rollback.
     * Spring keeps the failure it overrode as the "application exception" when the work failed,
     * but when the commit failed it only logs it; then the rollback's own cause is all there is:
     * Hikari's "Connection is closed", which it says (without a SQLState) of a connection it
     * evicted for a fatal error, SQLState 08 or 57P0x among them.
     */
    private static boolean isRollbackAfterOutage(TransactionSystemException rollback, Throwable failure) {
        Throwable overridden = rollback.getApplicationException();
        if (overridden != null && overridden != failure) {
            return isOutage(overridden);
        }
        return rollback.getCause() instanceof SQLException sql && sql.getSQLState() == null
                && CLOSED_BY_POOL.equals(sql.getMessage());
    }

    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || SHUTDOWN_STATES.contains(state));
    }

    /** A 503 problem detail of an outage, saying when to retry. */
    public static ProblemDetail problem(String detail, Duration retryAfter) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, TITLE, detail, null);
        problem.setProperty("retryAfter", retryAfter.toSeconds());
        return problem;
    }

    /** The answer of the endpoint asked ({@link OutageAnswer}) to a database outage, or the plain outage problem. */
    static ProblemDetail problemFor(HttpServletRequest request, List<OutageAnswer> answers) {
        return answerOf(request, answers, REASON, RETRY_AFTER).orElseGet(() -> problem(
                "Tollgate cannot serve this request now: " + REASON + "; retry in " + RETRY_AFTER.toSeconds() + " s",
                RETRY_AFTER));
    }

    /** The answer of the endpoint asked, when it has one of its own, to Tollgate being unable to serve it for {@code reason}. */
    static Optional<ProblemDetail> answerOf(HttpServletRequest request, List<OutageAnswer> answers, String reason,
            Duration retryAfter) {
        for (OutageAnswer answer : answers) {
            if (answer.appliesTo(request)) {
                return Optional.of(answer.answer(reason, retryAfter));
            }
        }
        return Optional.empty();
    }

    /** 503 with {@code Retry-After} and {@code problem}. */
    static ResponseEntity<Object> answer(ProblemDetail problem, Duration retryAfter) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * For the log, not for callers: the driver's words (the deepest SQLException, which names what
     * failed) rather than the socket's below it ("EOFException: null").
     */
    static String rootCause(Throwable failure) {
        Throwable chosen = failure;
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLException || !(chosen instanceof SQLException)) {
                chosen = cause;
            }
        }
        return chosen.getClass().getSimpleName() + ": " + chosen.getMessage();
    }
}
