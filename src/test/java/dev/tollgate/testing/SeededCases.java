package dev.tollgate.testing;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs a property over many random cases, each from its own seed, and names the seed that
 * reproduces a failure. The base seed is new on every run, so the cases differ from run to run;
 * {@code -D<name>.seed=N} replays a run and {@code -D<name>.cases=N} changes how many.
 *
 * <p>Why not jqwik: 1.10.1 does run on JUnit Platform 6, but since 1.10 its user guide carries an
 * "Anti-AI Usage Clause" (the project is not meant to be used by AI coding agents) and its engine
 * prints a line addressed to them into every test run; these tests were written by such an agent.
 * Plain JUnit keeps the same discipline: many generated cases, a printed, replayable seed.
 */
public final class SeededCases {

    private final String name;
    private final int cases;
    private final long baseSeed;

    private SeededCases(String name, int cases, long baseSeed) {
        this.name = name;
        this.cases = cases;
        this.baseSeed = baseSeed;
    }

    /** Cases configured by the system properties {@code <name>.cases} and {@code <name>.seed}. */
    public static SeededCases named(String name, int defaultCases) {
        return new SeededCases(name, Integer.getInteger(name + ".cases", defaultCases),
                Long.getLong(name + ".seed", new SplittableRandom().nextLong()));
    }

    public int count() {
        return cases;
    }

    public void forEach(Consumer<Random> property) {
        for (int i = 0; i < cases; i++) {
            Random random = new Random(new SplittableRandom(baseSeed + i).nextLong());
            try {
                property.accept(random);
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError("case " + i + " of base seed " + baseSeed + " failed (replay with -D" + name
                        + ".seed=" + baseSeed + "): " + failure.getMessage(), failure);
            }
        }
    }
}
