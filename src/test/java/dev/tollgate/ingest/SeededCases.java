package dev.tollgate.ingest;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs a property over many random cases, each from its own seed, and names the seed that
 * reproduces a failure. The base seed is new on every run, so the cases differ from run to run;
 * {@code -Dlineprotocol.seed=N} replays a run and {@code -Dlineprotocol.cases=N} changes how many.
 *
 * <p>Why not jqwik: 1.10.1 does run on JUnit Platform 6, but since 1.10 its user guide carries an
 * "Anti-AI Usage Clause" (the project is not meant to be used by AI coding agents) and its engine
 * prints a line addressed to them into every test run; these tests were written by such an agent.
 * Plain JUnit keeps the same discipline: many generated cases, a printed, replayable seed.
 */
final class SeededCases {

    static final int CASES = Integer.getInteger("lineprotocol.cases", 10_000);
    static final long BASE_SEED = Long.getLong("lineprotocol.seed", new SplittableRandom().nextLong());

    private SeededCases() {
    }

    static void forEach(Consumer<Random> property) {
        for (int i = 0; i < CASES; i++) {
            Random random = new Random(new SplittableRandom(BASE_SEED + i).nextLong());
            try {
                property.accept(random);
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError("case " + i + " of base seed " + BASE_SEED + " failed (replay with -Dlineprotocol.seed="
                        + BASE_SEED + "): " + failure.getMessage(), failure);
            }
        }
    }
}
