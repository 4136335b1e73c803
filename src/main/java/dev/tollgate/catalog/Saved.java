package dev.tollgate.catalog;

/** The outcome of a PUT: what is stored now, and whether it was created (201) or replaced (200). */
public record Saved<T>(T value, boolean created) {
}
