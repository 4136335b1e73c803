package dev.tollgate.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tollgate.api.Violations;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;

/**
 * Test runs as pipelines report them. Reporting needs the 'ingest' scope and, for a team-bound
 * caller, the service's team; {@link #latestPerSuite} is the gate's question and checks no caller.
 */
@Service
public class TestRuns {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final TestRunRepository runs;
    private final ServiceCatalog services;
    private final CurrentCaller callers;
    private final Clock clock;

    TestRuns(TestRunRepository runs, ServiceCatalog services, CurrentCaller callers, Clock clock) {
        this.runs = runs;
        this.services = services;
        this.callers = callers;
        this.clock = clock;
    }

    @Transactional
    public TestRun record(TestRunReport report) {
        Caller caller = callers.get();
        caller.require(Scope.INGEST);
        Violations violations = new Violations();
        List<Reported<TestRunReport>> reports = List.of(Reported.inBody(report));
        validate(caller, reports, new ServiceLookup(services), violations);
        violations.throwIfAny("The test run was not stored");
        return store(reports).getFirst();
    }

    /**
     * The latest run of each suite for a version of a service in a stage, in suite order: a suite
     * run again after a fix counts by its latest run only.
     */
    @Transactional(readOnly = true)
    public List<TestRun> latestPerSuite(String service, String stage, String version) {
        return runs.findLatestPerSuite(service, stage, version);
    }

    /** {@link #latestPerSuite} as it stood at {@code at}: a backtest's question about a past moment. */
    @Transactional(readOnly = true)
    public List<TestRun> latestPerSuite(String service, String stage, String version, Instant at) {
        return runs.findLatestPerSuite(service, stage, version, at);
    }

    /** Runs newest first, of one service or of every service the caller may read. An unknown service has none. */
    @Transactional(readOnly = true)
    public List<TestRun> list(String service, String stage, String version, int limit) {
        Caller caller = callers.get();
        caller.require(Scope.READ);
        if (service != null) {
            return ServiceLookup.readable(services, caller, service).isEmpty() ? List.of()
                    : runs.find(service, stage, version, null, Math.min(limit, MAX_LIMIT));
        }
        return runs.find(null, stage, version, ServiceLookup.readableServices(services, caller), Math.min(limit, MAX_LIMIT));
    }

    /**
     * Checks reports and the caller's right to make them, naming every fault.
     *
     * @throws org.springframework.security.access.AccessDeniedException when a report is of a
     *         service of a team the caller may not act on
     */
    void validate(Caller caller, List<Reported<TestRunReport>> reports, ServiceLookup lookup, Violations violations) {
        for (Reported<TestRunReport> reported : reports) {
            FieldChecks checks = new FieldChecks(reported, violations);
            TestRunReport report = reported.report();
            if (report == null) {
                checks.add("", "must be an object with a service, stage, version, suite, passed and failed");
                continue;
            }
            checks.identifier("service", report.service());
            checks.identifier("stage", report.stage());
            checks.matches("version", report.version(), Version.PATTERN, Version.DESCRIPTION);
            checks.matches("suite", report.suite(), SuiteName.PATTERN, SuiteName.DESCRIPTION);
            checks.count("passed", report.passed());
            checks.count("failed", report.failed());
            checks.notFarAhead("time", report.time(), clock.instant());
            lookup.place(checks, report.service(), report.stage(), caller);
        }
    }

    /** Stores validated reports in one statement, and answers them as stored. */
    List<TestRun> store(List<Reported<TestRunReport>> reports) {
        Instant now = clock.instant();
        return runs.insert(reports.stream().map(Reported::report).map(report -> new TestRun(0, report.service(),
                report.stage(), report.version(), report.suite(), report.passed().intValue(), report.failed().intValue(),
                (report.time() == null ? now : report.time()).truncatedTo(ChronoUnit.MICROS))).toList(), now);
    }
}
