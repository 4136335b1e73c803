package dev.tollgate.api;

import java.util.UUID;

/**
 * The ids Tollgate makes up (gate evaluations, overrides, reviews, action items): random UUIDs,
 * 36 characters as the columns hold them. Anything else names nothing, and is not looked up: the
 * database would compare a longer text cut to the column's width, and find the row whose id it
 * starts with.
 */
public final class GeneratedIds {

    public static final int LENGTH = 36;

    private GeneratedIds() {
    }

    public static String next() {
        return UUID.randomUUID().toString();
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
