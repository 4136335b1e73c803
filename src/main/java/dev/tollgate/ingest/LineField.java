package dev.tollgate.ingest;

/**
 * One field of a line. Numbers (floats, integers, unsigned integers) and booleans (1 or 0) are
 * metric values; strings are not, and are kept apart so that the caller can drop and count them.
 */
sealed interface LineField {

    String key();

    /** A float, integer, unsigned integer or boolean field, as a finite double. */
    record Numeric(String key, double value) implements LineField {
    }

    /** A quoted string field, unescaped. */
    record Text(String key, String value) implements LineField {
    }
}
