package dev.tollgate.metrics.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tollgate.metrics.MetricStoreUnavailableException;

/**
 * Makes sure one Tollgate instance at most runs the embedded store on a database. The rollups in
 * memory are one instance's: a second would merge its own into the same hourly rows, overwriting
 * the first's, and replay the first's batches as its own, counting them twice. On PostgreSQL the
 * instance holds a session-level advisory lock, keyed by its schema, on a connection kept for
 * that alone; a second instance is refused at start, with the way out in the message. (An H2 file
 * is locked by the one process that opens it, so H2 needs nothing more.)
 *
 * <p>A database restart ends the session and frees the lock: {@link #verify()}, called before each
 * flush, takes it again on a new connection, and should another instance have taken it meanwhile,
 * this one stops writing for good rather than flush rollups that are no longer its own.
 */
final class SoleInstanceLock {

    private static final Logger log = LoggerFactory.getLogger(SoleInstanceLock.class);
    static final String SECOND_INSTANCE = "Another Tollgate instance runs the embedded metric store on this database "
            + "(one instance per database: its rollups are kept in memory). To run more than one Tollgate node, "
            + "set tollgate.influx.url so that the time series live in InfluxDB, or give each node a database of its own.";
    private static final String TAKE = "select pg_try_advisory_lock(hashtext('tollgate.metric-store'), hashtext(current_schema()))";
    private static final String UNLOCK = "select pg_advisory_unlock(hashtext('tollgate.metric-store'), hashtext(current_schema()))";

    private final ConnectionProvider connections;
    private final boolean needed;
    private Connection holder;
    private volatile boolean lost;

    private SoleInstanceLock(ConnectionProvider connections, boolean needed) {
        this.connections = connections;
        this.needed = needed;
    }

    /**
     * No lock: for tests that play a crash and a restart inside one JVM, where the instance that
     * "crashed" keeps its session ({@code SoleInstanceLockOnPostgresIT} tests the lock itself).
     */
    static SoleInstanceLock notTaken() {
        return new SoleInstanceLock(null, false);
    }

    /** Takes the lock for a new instance of the store. @throws IllegalStateException when another instance holds it */
    static SoleInstanceLock take(DSLContext db) {
        SoleInstanceLock lock = new SoleInstanceLock(db.configuration().connectionProvider(),
                db.dialect().family() == SQLDialect.POSTGRES);
        if (lock.needed && !lock.takeOnNewConnection()) {
            throw new IllegalStateException(SECOND_INSTANCE);
        }
        return lock;
    }

    /**
     * Answers normally while this instance holds the lock, taking it again after the database
     * dropped the session that held it.
     *
     * @throws MetricStoreUnavailableException when the lock cannot be checked now, or another instance holds it
     */
    synchronized void verify() {
        requireHeld();
        if (!needed || holderValid()) {
            return;
        }
        if (!takeOnNewConnection()) {
            lost = true;
            log.error("This instance lost the embedded metric store to another one while the database was away; "
                    + "it takes no more points. Restart it once the other is stopped.");
            throw new MetricStoreUnavailableException(SECOND_INSTANCE, null);
        }
    }

    /** Cheap enough for every write: refuses once another instance has taken the store over. */
    void requireHeld() {
        if (lost) {
            throw new MetricStoreUnavailableException(SECOND_INSTANCE, null);
        }
    }

    private boolean holderValid() {
        try {
            return holder != null && holder.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private boolean takeOnNewConnection() {
        release();
        Connection connection = connections.acquire();
        try (PreparedStatement statement = connection.prepareStatement(TAKE); ResultSet result = statement.executeQuery()) {
            result.next();
            if (result.getBoolean(1)) {
                // Kept, never given back: the lock lives as long as this session.
                holder = connection;
                return true;
            }
        } catch (SQLException e) {
            connections.release(connection);
            throw new MetricStoreUnavailableException("Could not check that this instance alone runs the embedded metric store", e);
        }
        connections.release(connection);
        return false;
    }

    /** Gives the lock up, when the store closes: unlocked first, as a pool would keep the session that holds it. */
    synchronized void release() {
        if (holder != null) {
            Connection old = holder;
            holder = null;
            try (PreparedStatement statement = old.prepareStatement(UNLOCK); ResultSet ignored = statement.executeQuery()) {
                // Unlocked.
            } catch (SQLException alreadyGone) {
                // The session that held the lock is over, and the lock with it.
            }
            try {
                connections.release(old);
            } catch (RuntimeException alreadyGone) {
                // As above.
            }
        }
    }
}
