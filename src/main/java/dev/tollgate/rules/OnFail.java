package dev.tollgate.rules;

/** A rule's {@code onFail}: what a failure does. */
enum OnFail {
    WARN(Effect.WARN), STOP(Effect.STOP), ROLLBACK(Effect.ROLLBACK);

    private final Effect effect;

    OnFail(Effect effect) {
        this.effect = effect;
    }

    Effect effect() {
        return effect;
    }
}
