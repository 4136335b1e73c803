package dev.tollgate.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.tollgate.delivery.DeploymentReport;
import dev.tollgate.delivery.DeploymentStatus;
import dev.tollgate.delivery.Deployments;
import dev.tollgate.delivery.TestRunReport;
import dev.tollgate.delivery.TestRuns;

/**
 * A month of releases for every demo service: each version goes through its stages in order,
 * with tests in every stage before production, and now and then fails a test, fails to deploy or
 * is rolled back, so that charts have markers and delivery figures have something to say.
 */
@Component
@ConditionalOnBooleanProperty("tollgate.demo.enabled")
class DemoDeployments {

    private static final List<String> SUITES = List.of("unit", "integration");

    private final Deployments deployments;
    private final TestRuns testRuns;
    private final Clock clock;

    DemoDeployments(Deployments deployments, TestRuns testRuns, Clock clock) {
        this.deployments = deployments;
        this.testRuns = testRuns;
        this.clock = clock;
    }

    /**
     * Answers how many deployments were recorded. In one transaction: a commit per record would
     * wait for the disk some two thousand times (five seconds of the first start).
     */
    @Transactional
    int seed(List<DemoCatalog.DemoTeam> teams) {
        Instant end = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant start = end.minus(DemoMetrics.HISTORY);
        int recorded = 0;
        long seed = 4711;
        for (DemoCatalog.DemoTeam team : teams) {
            for (DemoCatalog.DemoService service : team.services()) {
                SplittableRandom random = new SplittableRandom(seed++);
                int minor = 10 + random.nextInt(30);
                for (Instant commit = start.plus(Duration.ofHours(random.nextInt(36))); commit.isBefore(end);
                        commit = commit.plus(Duration.ofHours(24 + random.nextInt(48)))) {
                    recorded += release(service, "1." + minor++ + ".0", commit, end, random);
                }
            }
        }
        return recorded;
    }

    /** One version on its way to production; answers how many deployments it made. */
    private int release(DemoCatalog.DemoService service, String version, Instant commitTime, Instant end,
            SplittableRandom random) {
        String commit = HexFormat.of().formatHex(new byte[] { (byte) random.nextInt(), (byte) random.nextInt(),
                (byte) random.nextInt(), (byte) random.nextInt() }).substring(0, 7);
        Instant at = commitTime.plus(Duration.ofMinutes(20 + random.nextInt(40)));
        int made = 0;
        List<String> stages = service.stages();
        for (int s = 0; s < stages.size(); s++) {
            boolean production = s == stages.size() - 1;
            if (at.plus(Duration.ofMinutes(15)).isAfter(end)) {
                break;
            }
            String stage = stages.get(s);
            String pipelineRun = "demo-" + service.id() + "-" + version;
            deployments.record(new DeploymentReport(null, service.id(), stage, version, DeploymentStatus.STARTED, at,
                    commit, commitTime, pipelineRun));
            Instant finished = at.plus(Duration.ofMinutes(4 + random.nextInt(8)));
            boolean failed = random.nextDouble() < 0.05;
            deployments.record(new DeploymentReport(null, service.id(), stage, version,
                    failed ? DeploymentStatus.FAILED : DeploymentStatus.SUCCEEDED, finished, commit, commitTime, pipelineRun));
            made++;
            if (failed) {
                return made;
            }
            if (production) {
                if (random.nextDouble() < 0.07 && finished.plus(Duration.ofMinutes(45)).isBefore(end)) {
                    deployments.record(new DeploymentReport(null, service.id(), stage, version,
                            DeploymentStatus.ROLLED_BACK, finished.plus(Duration.ofMinutes(20 + random.nextInt(25))), commit,
                            commitTime, pipelineRun));
                }
                return made;
            }
            boolean testsFail = false;
            for (String suite : SUITES) {
                long failures = random.nextDouble() < 0.04 ? 1 + random.nextInt(3) : 0;
                testsFail |= failures > 0;
                testRuns.record(new TestRunReport(service.id(), stage, version, suite, 120L + random.nextInt(400), failures,
                        finished.plus(Duration.ofMinutes(10 + random.nextInt(10)))));
            }
            if (testsFail) {
                return made;
            }
            // Bake before the next stage: an hour or two early on, most of a day before production.
            at = finished.plus(Duration.ofMinutes(s == stages.size() - 2 ? 240 + random.nextInt(900) : 60 + random.nextInt(60)));
        }
        return made;
    }
}
