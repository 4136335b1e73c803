package dev.tollgate.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param minFree free space the data folder keeps in reserve: below it, writes to the embedded
 *                database are refused (503) until space is freed. Enough for H2 to finish what it is
 *                writing and to compact: a write that runs out of space would close the database.
 */
@ConfigurationProperties("tollgate.storage")
record StorageProperties(@DefaultValue("128MB") DataSize minFree) {

    StorageProperties {
        if (minFree.isNegative()) {
            throw new IllegalArgumentException("tollgate.storage.min-free must not be negative");
        }
    }
}
