package dev.tollgate.gate;

/**
 * How often the gate answered what over a window: {@code overridden} counts the evaluations an
 * override turned into PROMOTE, which are also counted as {@code promoted}.
 */
public record GateTally(int evaluations, int promoted, int waited, int stopped, int rolledBack, int overridden) {

    public static final GateTally NONE = new GateTally(0, 0, 0, 0, 0, 0);
}
