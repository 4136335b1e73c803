package dev.tollgate.storage;

import java.util.Locale;

/** What a datasource URL says about where its database lives, for what depends on it. */
public final class DatabaseUrls {

    private DatabaseUrls() {
    }

    /**
     * An H2 database in a file this process opens itself ({@code jdbc:h2:file:…}, also behind H2's
     * {@code retry:} wrapper): not in memory, not a server's. Its file is on this machine's disk.
     */
    public static boolean isH2File(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && lower.contains("file:") && !lower.contains("tcp:")
                && !lower.contains("ssl:");
    }

    /**
     * An H2 file that only this process writes: H2 locks the file against every other process,
     * unless {@code AUTO_SERVER} lets them in through this one.
     */
    public static boolean isH2FileOfOneWriter(String url) {
        return isH2File(url) && !url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE");
    }
}
