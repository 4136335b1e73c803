package dev.tollgate.catalog;

/** Which way a metric improves. */
public enum Better {
    HIGHER, LOWER
}
