package dev.tollgate.gate;

import java.util.UUID;

/**
 * The ids of evaluations and overrides: random UUIDs, 36 characters as the columns hold them.
 * Anything else names nothing, and is not looked up: the database would compare a longer text
 * cut to the column's width, and find the evaluation whose id it starts with.
 */
final class GeneratedIds {

    static final int LENGTH = 36;

    private GeneratedIds() {
    }

    static String next() {
        return UUID.randomUUID().toString();
    }

    static boolean isValid(String id) {
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
