package dev.tollgate.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The upkeep H2 leaves undone under {@code WRITE_DELAY=0}: rewriting the live pages of chunks that
 * are mostly dead, so that the chunks can be freed.
 *
 * <p>Tollgate runs H2 with {@code WRITE_DELAY=0} so that every commit is written before it is
 * answered (API.md: nothing acknowledged is lost across a {@code kill -9}). H2 then writes a chunk
 * per commit and stops the background thread that would otherwise compact its file. A chunk stays
 * in the file while any page in it is live, and under steady writes nearly every chunk keeps a page
 * or two (an index leaf that filled up and was never written again): the soak run counted 257,000
 * chunks after twenty minutes, their bookkeeping a heap that grew without end, in a file of 17 GB.
 * This does what that background thread would, four times a second: it rewrites up to
 * {@link #WRITE_LIMIT} of the live pages of the emptiest chunks, after which H2 frees them. Only for
 * an H2 file, and never while the data folder refuses writes, as rewriting is writing.
 *
 * <p>It also writes the rewritten pages itself. H2's compaction only moves them in memory, and the
 * next commit wrote them, which is a request's (a gate evaluation's, an ingest batch's): it then
 * serialised a second's worth of rewritten pages under H2's store lock before it could answer.
 * Small slices keep what a commit may wait for, while this holds the lock, short.
 */
@Component
class EmbeddedFileUpkeep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedFileUpkeep.class);
    /** H2's own default: compact while the chunks hold less than this share of live data. */
    static final int TARGET_FILL_RATE = 90;
    /** A quarter of what H2's background thread rewrites a second while the database is busy. */
    static final int WRITE_LIMIT = 1 << 20;
    private static final long INTERVAL_MILLIS = 250;

    private final DataSource dataSource;
    private final DataFolder folder;
    private ScheduledExecutorService executor;
    private boolean warned;

    EmbeddedFileUpkeep(DataSource dataSource, DataFolder folder) {
        this.dataSource = dataSource;
        this.folder = folder;
    }

    @Override
    public synchronized void start() {
        if (executor != null || !folder.watched()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-file-upkeep");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::tidy, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running != null) {
            running.close(); // waits for a rewrite under way to end before the database closes
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Stops before the metric store's last flush and the database close; starts after both are ready. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    /** Rewrites the emptiest chunks, if the file needs it and may be written. */
    void tidy() {
        if (folder.refusal().isPresent()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            mvStore(connection).ifPresent(store -> {
                store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
                store.commit();
                store.getFileStore().dropUnusedChunks();
            });
        } catch (SQLException | RuntimeException e) {
            // The database may be closing, or unreachable for a moment: the next round tries again.
            if (!warned) {
                warned = true;
                log.warn("The embedded database's file could not be compacted; trying again four times a second", e);
            }
        }
    }

    /** The open H2 file store behind a connection, if it is one. */
    static Optional<MVStore> mvStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        Store store = session.getDatabase().getStore();
        if (store == null || store.getMvStore().isClosed() || store.getMvStore().getFileStore() == null) {
            return Optional.empty();
        }
        return Optional.of(store.getMvStore());
    }
}
