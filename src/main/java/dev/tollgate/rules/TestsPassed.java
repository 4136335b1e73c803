package dev.tollgate.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.tollgate.delivery.TestRun;

/**
 * A {@code TESTS_PASSED} rule's params: the latest run of each suite (of {@code suites}, or of
 * every suite that ran when it is empty) for the version in the source stage failed no test.
 */
record TestsPassed(Set<String> suites) implements RuleParams {

    @Override
    public RuleKind kind() {
        return RuleKind.TESTS_PASSED;
    }


    TestsPassed {
        suites = Set.copyOf(suites);
    }

    /** @param latest the latest run of each suite for the version in the source stage */
    RuleResult evaluate(List<TestRun> latest, String sourceStage) {
        Map<String, TestRun> bySuite = new TreeMap<>();
        latest.forEach(run -> bySuite.put(run.suite(), run));
        Set<String> missing = new TreeSet<>(suites);
        missing.removeAll(bySuite.keySet());
        if (bySuite.isEmpty() || !missing.isEmpty()) {
            return RuleResult.noData(bySuite.isEmpty() ? "no test run for the version in " + sourceStage
                    : "no test run of " + String.join(", ", missing) + " for the version in " + sourceStage);
        }
        Set<String> failed = new TreeSet<>();
        long failures = 0;
        for (TestRun run : bySuite.values()) {
            if ((suites.isEmpty() || suites.contains(run.suite())) && !run.succeeded()) {
                failed.add(run.suite() + " (" + run.failed() + " failed)");
                failures += run.failed();
            }
        }
        if (failed.isEmpty()) {
            return RuleResult.pass("tests passed in " + sourceStage).withFigures(0.0, 0.0);
        }
        return RuleResult.fail("tests failed in " + sourceStage + ": " + String.join(", ", failed))
                .withFigures((double) failures, 0.0);
    }
}
