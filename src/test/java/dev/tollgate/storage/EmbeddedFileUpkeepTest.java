package dev.tollgate.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Under WRITE_DELAY=0 H2 writes a chunk per commit and never compacts: a chunk that keeps one live
 * page stays, and here about a fifth of them do, a number (and a heap that tracks them) that grows
 * with every commit. With the upkeep they stay few. Retention is off here so that chunks are old
 * enough to rewrite at once; Tollgate keeps H2's 45 seconds.
 */
class EmbeddedFileUpkeepTest {

    private static final int COMMITS = 5_000;

    @TempDir
    Path folder;

    @Test
    void chunksStayFewWhenTheFileIsKeptUp() throws Exception {
        JdbcDataSource dataSource = dataSource("kept");
        EmbeddedFileUpkeep upkeep = new EmbeddedFileUpkeep(dataSource, watching(dataSource));

        long chunks = commitAppends(dataSource, upkeep);

        assertThat(chunks).isLessThan(COMMITS / 20);
    }

    @Test
    void withoutUpkeepEveryCommitLeavesAChunk() throws Exception {
        JdbcDataSource dataSource = dataSource("left");

        long chunks = commitAppends(dataSource, null);

        // What the upkeep is for: were H2 compacting by itself, this would fail.
        assertThat(chunks).isGreaterThan(COMMITS / 8);
    }

    @Test
    void writesThePagesItRewroteItselfAndFreesTheirChunksAtOnce() throws Exception {
        JdbcDataSource dataSource = dataSource("written");
        EmbeddedFileUpkeep upkeep = new EmbeddedFileUpkeep(dataSource, watching(dataSource));
        try (Connection open = dataSource.getConnection()) {
            long left = commitAppends(dataSource, null);

            upkeep.tidy();

            // Not left for the next commit to write (a request's), after which H2 would free them.
            assertThat(chunkCount(open)).isLessThan(left * 9 / 10);
        }
    }

    @Test
    void aDatabaseInMemoryHasNoFileToKeep() throws Exception {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:upkeep");
        try (Connection connection = memory.getConnection()) {
            assertThat(EmbeddedFileUpkeep.mvStore(connection)).isEmpty();
        }
    }

    /** Appends a row a commit to a table with two indexes, as the gate's record does; answers the chunks left. */
    private long commitAppends(JdbcDataSource dataSource, EmbeddedFileUpkeep upkeep) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET RETENTION_TIME 0");
            statement.execute("create table evaluation (id bigint primary key, service varchar(64), at bigint, body varchar(600))");
            statement.execute("create index evaluation_service on evaluation (service, at)");
            try (PreparedStatement insert = connection.prepareStatement("insert into evaluation values (?, ?, ?, ?)")) {
                for (int i = 0; i < COMMITS; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "service-" + i % 150);
                    insert.setLong(3, i);
                    insert.setString(4, "x".repeat(500));
                    insert.executeUpdate();
                    if (upkeep != null && i % 100 == 99) {
                        upkeep.tidy();
                    }
                }
            }
            return chunkCount(connection);
        }
    }

    private static long chunkCount(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet count = statement.executeQuery(
                "select setting_value from information_schema.settings where setting_name = 'info.CHUNK_COUNT'")) {
            assertThat(count.next()).isTrue();
            return Long.parseLong(count.getString(1));
        }
    }

    private JdbcDataSource dataSource(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + folder.resolve(name) + ";WRITE_DELAY=0");
        return dataSource;
    }

    private DataFolder watching(JdbcDataSource dataSource) {
        return new DataFolder(folder, dataSource.getURL(), new StorageProperties(DataSize.ofMegabytes(1)));
    }
}
