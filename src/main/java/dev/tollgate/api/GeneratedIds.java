package dev.tollgate.api;

import java.util.UUID;

/**
 * The ids Tollgate makes up (gate evaluations, overrides, reviews, action items): UUIDs of version
 * 7 (RFC 9562), 36 characters as the columns hold them. Anything else names nothing, and is not
 * looked up: the database would compare a longer text cut to the column's width, and find the row
 * whose id it starts with.
 */
public final class GeneratedIds {

    public static final int LENGTH = 36;

    private GeneratedIds() {
    }

    /**
     * A new id: the Unix time in milliseconds in its first 48 bits, then 74 random bits from the same
     * source as {@link UUID#randomUUID()}. Ids made one after another sort together, so a primary
     * key index takes each new row at its end: a random id lands on a random page of the index,
     * which the database then writes out again at the commit (with the gate recording hundreds of
     * evaluations a second, a page an evaluation). The time is the system's, not the injected
     * clock's: it only orders the ids, and means nothing else.
     */
    public static String next() {
        UUID random = UUID.randomUUID();
        long timeAndVersion = (System.currentTimeMillis() << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        return new UUID(timeAndVersion, random.getLeastSignificantBits()).toString();
    }

    public static boolean isValid(String id) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
