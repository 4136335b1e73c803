package dev.tollgate.rules;

/** What a result does to the verdict, weakest first: the verdict is the strongest enforced effect. */
public enum Effect {
    NONE, WARN, WAIT, STOP, ROLLBACK;

    boolean strongerThan(Effect other) {
        return compareTo(other) > 0;
    }
}
