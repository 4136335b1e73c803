package dev.tollgate.storage;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the embedded database may write now: its folder writable, with more free space than
 * {@code tollgate.storage.min-free}. Looked at no more than once a second, so that a check per
 * statement costs a volatile read. Watches nothing when the database is not an H2 file (PostgreSQL
 * looks after its own disk and refuses a write it has no room for without closing).
 */
@Component
class DataFolder implements WriteRefusals {

    private static final Logger log = LoggerFactory.getLogger(DataFolder.class);
    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final Path folder;
    private final long minFree;
    private final boolean watched;
    private volatile long checkedAt;
    private volatile Optional<String> refusal = Optional.empty();

    DataFolder(@Value("${tollgate.data-dir}") Path folder, @Value("${spring.datasource.url:}") String databaseUrl,
            StorageProperties properties) {
        this.folder = folder.toAbsolutePath().normalize();
        this.minFree = properties.minFree().toBytes();
        this.watched = DatabaseUrls.isH2File(databaseUrl);
        this.checkedAt = System.nanoTime() - RECHECK_NANOS;
    }

    boolean watched() {
        return watched;
    }

    @Override
    public Optional<String> refusal() {
        if (!watched) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        if (now - checkedAt >= RECHECK_NANOS) {
            synchronized (this) {
                if (now - checkedAt >= RECHECK_NANOS) {
                    update(look());
                    checkedAt = System.nanoTime();
                }
            }
        }
        return refusal;
    }

    private Optional<String> look() {
        try {
            // H2 creates the folder on its first write: until then its nearest existing parent is looked at.
            Path existing = folder;
            while (!Files.exists(existing) && existing.getParent() != null) {
                existing = existing.getParent();
            }
            FileStore store = Files.getFileStore(existing);
            if (store.isReadOnly() || !Files.isWritable(existing)) {
                return Optional.of("The data folder " + folder + " is read-only: writes are refused until it is writable again");
            }
            long free = store.getUsableSpace();
            if (free < minFree) {
                return Optional.of(String.format(Locale.ROOT,
                        "The data folder %s has %s free, less than the %s kept in reserve (tollgate.storage.min-free): "
                                + "writes are refused until space is freed", folder, megabytes(free), megabytes(minFree)));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("The data folder " + folder + " cannot be looked at (" + e.getMessage() + "): writes are refused");
        }
    }

    private void update(Optional<String> now) {
        if (now.isPresent() && refusal.isEmpty()) {
            log.error("{}", now.get());
        } else if (now.isEmpty() && refusal.isPresent()) {
            log.info("The data folder {} takes writes again", folder);
        }
        refusal = now;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
