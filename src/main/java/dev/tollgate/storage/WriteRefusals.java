package dev.tollgate.storage;

import java.util.Optional;

/**
 * Why the embedded database refuses writes now, if it does ({@link DataFolder}). jOOQ's statements
 * are held back by {@code DataFolderWriteGuard}; a {@link RenderedWrite}, which runs past jOOQ's
 * listeners, asks this itself.
 */
public interface WriteRefusals {

    /** Why writes are refused now, or empty when they are not. */
    Optional<String> refusal();

    /** Throws the 503 a refused write answers, naming why, when writes are refused now. */
    default void requireWritable() {
        refusal().ifPresent(reason -> {
            throw new DataFolderFullException(reason);
        });
    }
}
