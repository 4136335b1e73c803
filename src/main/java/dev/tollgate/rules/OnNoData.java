package dev.tollgate.rules;

/** A rule's {@code onNoData}: what it does when the stores hold nothing to judge by (default STOP). */
enum OnNoData {
    PASS(Effect.NONE), WARN(Effect.WARN), WAIT(Effect.WAIT), STOP(Effect.STOP);

    private final Effect effect;

    OnNoData(Effect effect) {
        this.effect = effect;
    }

    Effect effect() {
        return effect;
    }
}
