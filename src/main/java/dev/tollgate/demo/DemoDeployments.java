package dev.tollgate.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import dev.tollgate.gate.GateQuestion;

/**
 * A month of releases for every demo service: each version goes through its stages in order,
 * with tests in every stage before production, and now and then fails a test, fails to deploy, is
 * rolled back, or turns out bad in the stage before production, so that charts have markers and
 * delivery figures have something to say. Its pipelines ask the gate before every promotion into
 * production, as {@link DemoRules} would answer them: they wait for the bake time and the
 * deployment window, and end a release the gate would stop or roll back. (Earlier stages are
 * deployed on merge, unasked: a few hundred questions tell the story, and each one costs the
 * first start time.) The questions are answered later, by {@link DemoGateHistory}, once the
 * metrics they are about are written.
 */
@Component
@ConditionalOnBooleanProperty("tollgate.demo.enabled")
class DemoDeployments {

    static final List<String> SUITES = List.of("unit", "integration");
    /** Of the versions that reach the stage before production, how many break it. */
    private static final double BAD_VERSION_SHARE = 0.08;
    /** Of the good ones, how many pipelines ask for production straight after the tests, before the bake is over. */
    private static final double EARLY_ASK_SHARE = 0.25;
    /**
     * Of the promotions due outside the deployment window, how many pipelines ask anyway and wait;
     * the others are started by hand once it is open. Fewer questions keep the first start short.
     */
    private static final double ASK_OUTSIDE_WINDOW_SHARE = 0.5;

    /** What a month of releases left behind: the deployments recorded, the gate's questions, the bad versions. */
    record Releases(int deployments, List<GateAsk> asks, List<BadVersion> badVersions) {
    }

    /** A pipeline's question to the gate, and when it asked. */
    record GateAsk(Instant at, GateQuestion question) {
    }

    /** A version that made errors and latency jump in {@code stage} from its deployment until it was replaced. */
    record BadVersion(String service, String stage, String version, DemoTraffic.Incident incident) {
    }

    private final Deployments deployments;
    private final TestRuns testRuns;
    private final Clock clock;

    DemoDeployments(Deployments deployments, TestRuns testRuns, Clock clock) {
        this.deployments = deployments;
        this.testRuns = testRuns;
        this.clock = clock;
    }

    /**
     * In one transaction: a commit per record would wait for the disk some two thousand times (five
     * seconds of the first start).
     */
    @Transactional
    Releases seed(List<DemoCatalog.DemoTeam> teams) {
        Instant end = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant start = end.minus(DemoMetrics.HISTORY);
        List<GateAsk> asks = new ArrayList<>();
        List<BadVersion> badVersions = new ArrayList<>();
        int recorded = 0;
        long seed = 4711;
        for (DemoCatalog.DemoTeam team : teams) {
            for (DemoCatalog.DemoService service : team.services()) {
                SplittableRandom random = new SplittableRandom(seed);
                // Apart from the deployments' own: they stay as they were before the gate was asked.
                SplittableRandom pipeline = new SplittableRandom(~seed++);
                int minor = 10 + random.nextInt(30);
                Instant commit = start.plus(Duration.ofHours(random.nextInt(36)));
                while (commit.isBefore(end)) {
                    Released released = release(service, "1." + minor++ + ".0", commit, end, random, pipeline, asks,
                            badVersions);
                    recorded += released.deployments();
                    // One version at a time: one still waiting for the window while the next breaks the
                    // stage before would be stopped by the gate, yet deployed by this plan.
                    Instant next = commit.plus(Duration.ofHours(24 + random.nextInt(48)));
                    commit = next.isAfter(released.ended()) ? next : released.ended();
                }
            }
        }
        return new Releases(recorded, List.copyOf(asks), List.copyOf(badVersions));
    }

    /** What one release did: how many deployments it made, and when its pipeline was done. */
    private record Released(int deployments, Instant ended) {
    }

    /** One version on its way to production. */
    private Released release(DemoCatalog.DemoService service, String version, Instant commitTime, Instant end,
            SplittableRandom random, SplittableRandom pipeline, List<GateAsk> asks, List<BadVersion> badVersions) {
        String commit = HexFormat.of().formatHex(new byte[] { (byte) random.nextInt(), (byte) random.nextInt(),
                (byte) random.nextInt(), (byte) random.nextInt() }).substring(0, 7);
        Instant at = commitTime.plus(Duration.ofMinutes(20 + random.nextInt(40)));
        int made = 0;
        List<String> stages = service.stages();
        String pipelineRun = "demo-" + service.id() + "-" + version;
        for (int s = 0; s < stages.size(); s++) {
            boolean lastStage = s == stages.size() - 1;
            if (at.plus(Duration.ofMinutes(15)).isAfter(end)) {
                break;
            }
            String stage = stages.get(s);
            GateQuestion promotion = new GateQuestion(service.id(), version, stage, pipelineRun);
            if (DemoRules.production(stage)) {
                Instant opens = DemoRules.windowOpenFrom(at);
                if (opens.isAfter(at)) {
                    // Outside the window: a pipeline that asks now is told to WAIT, and comes back once it is open.
                    if (pipeline.nextDouble() < ASK_OUTSIDE_WINDOW_SHARE) {
                        asks.add(new GateAsk(at, promotion));
                    }
                    at = opens.plus(Duration.ofMinutes(5 + pipeline.nextInt(55)));
                    if (at.plus(Duration.ofMinutes(15)).isAfter(end)) {
                        break;
                    }
                }
                asks.add(new GateAsk(at, promotion));
                at = at.plus(Duration.ofMinutes(1));
            }
            deployments.record(new DeploymentReport(null, service.id(), stage, version, DeploymentStatus.STARTED, at,
                    commit, commitTime, pipelineRun));
            Instant finished = at.plus(Duration.ofMinutes(4 + random.nextInt(8)));
            boolean failed = random.nextDouble() < 0.05;
            deployments.record(new DeploymentReport(null, service.id(), stage, version,
                    failed ? DeploymentStatus.FAILED : DeploymentStatus.SUCCEEDED, finished, commit, commitTime, pipelineRun));
            made++;
            if (failed) {
                return new Released(made, finished);
            }
            if (lastStage) {
                if (random.nextDouble() < 0.07 && finished.plus(Duration.ofMinutes(45)).isBefore(end)) {
                    Instant rolledBack = finished.plus(Duration.ofMinutes(20 + random.nextInt(25)));
                    deployments.record(new DeploymentReport(null, service.id(), stage, version,
                            DeploymentStatus.ROLLED_BACK, rolledBack, commit, commitTime, pipelineRun));
                    return new Released(made, rolledBack);
                }
                return new Released(made, finished);
            }
            boolean testsFail = false;
            Instant tested = finished;
            for (String suite : SUITES) {
                long failures = random.nextDouble() < 0.04 ? 1 + random.nextInt(3) : 0;
                testsFail |= failures > 0;
                long passed = 120L + random.nextInt(400);
                Instant ran = finished.plus(Duration.ofMinutes(10 + random.nextInt(10)));
                tested = ran.isAfter(tested) ? ran : tested;
                testRuns.record(new TestRunReport(service.id(), stage, version, suite, passed, failures, ran));
            }
            boolean beforeProduction = s == stages.size() - 2;
            GateQuestion next = new GateQuestion(service.id(), version, stages.get(s + 1), pipelineRun);
            Instant asked = tested.plus(Duration.ofMinutes(2 + pipeline.nextInt(4)));
            if (testsFail) {
                if (DemoRules.production(next.stage())) {
                    // The pipeline asks anyway: the gate, not the pipeline, says what red tests mean (ROLLBACK).
                    askBefore(end, asks, new GateAsk(asked, next));
                }
                return new Released(made, asked);
            }
            if (beforeProduction && pipeline.nextDouble() < BAD_VERSION_SHARE) {
                // Errors and latency up in this stage until the team replaces the version; the gate STOPs it.
                int minutes = (int) Duration.between(finished, asked).toMinutes() + 45 + pipeline.nextInt(75);
                badVersions.add(new BadVersion(service.id(), stage, version, new DemoTraffic.Incident(finished,
                        minutes, 0.04 + pipeline.nextDouble() * 0.08, 3 + pipeline.nextDouble() * 2)));
                askBefore(end, asks, new GateAsk(asked, next));
                return new Released(made, finished.plus(Duration.ofMinutes(minutes)));
            }
            if (beforeProduction && pipeline.nextDouble() < EARLY_ASK_SHARE) {
                askBefore(end, asks, new GateAsk(asked, next));
            }
            // Bake before the next stage: an hour or two early on, most of a day before production.
            at = finished.plus(Duration.ofMinutes(beforeProduction
                    ? DemoRules.BAKE_HOURS * 60 + random.nextInt(900) : 60 + random.nextInt(60)));
        }
        return new Released(made, at);
    }

    /** A question asked after the history ends is a question for the future, not the demo's. */
    private static void askBefore(Instant end, List<GateAsk> asks, GateAsk ask) {
        if (ask.at().isBefore(end)) {
            asks.add(ask);
        }
    }
}
