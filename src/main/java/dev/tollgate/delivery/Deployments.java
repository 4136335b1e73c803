package dev.tollgate.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tollgate.api.ConflictException;
import dev.tollgate.api.Violations;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.delivery.DeploymentRepository.StatusRow;
import dev.tollgate.delivery.DeploymentRepository.VersionInStage;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;

/**
 * Deployments as pipelines report them, and what the gate and the DORA figures ask of them.
 * Reporting needs the 'ingest' scope and, for a team-bound caller, the service's team. The
 * questions for other features ({@link #latest}, {@link #latestPerStage}, {@link #finishedBetween},
 * {@link #succeededAt}, {@link #newestAt}) check no caller: the feature that asks has checked its own.
 */
@Service
public class Deployments {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final DeploymentRepository deployments;
    private final ServiceCatalog services;
    private final CurrentCaller callers;
    private final Clock clock;

    Deployments(DeploymentRepository deployments, ServiceCatalog services, CurrentCaller callers, Clock clock) {
        this.deployments = deployments;
        this.services = services;
        this.callers = callers;
        this.clock = clock;
    }

    /** Stores one reported deployment or status change, and answers the deployment as it now stands. */
    @Transactional
    public Deployment record(DeploymentReport report) {
        Caller caller = callers.get();
        caller.require(Scope.INGEST);
        Violations violations = new Violations();
        List<Reported<DeploymentReport>> reports = List.of(Reported.inBody(report));
        validate(caller, reports, new ServiceLookup(services), violations);
        violations.throwIfAny("The deployment was not stored");
        return store(reports).getFirst();
    }

    /**
     * Deployments newest first, of one service (and stage) or of every service the caller may read.
     * An unknown service has no deployments.
     */
    @Transactional(readOnly = true)
    public List<Deployment> list(String service, String stage, int limit) {
        Caller caller = callers.get();
        caller.require(Scope.READ);
        if (service != null) {
            return ServiceLookup.readable(services, caller, service).isEmpty() ? List.of()
                    : deployments.find(service, stage, null, Math.min(limit, MAX_LIMIT));
        }
        return deployments.find(null, stage, ServiceLookup.readableServices(services, caller), Math.min(limit, MAX_LIMIT));
    }

    /** The newest deployment of a service in a stage, whatever its status. */
    @Transactional(readOnly = true)
    public Optional<Deployment> latest(String service, String stage) {
        return deployments.findNewest(service, stage, null);
    }

    /**
     * The newest deployment of each stage of a service that has any, by stage: its version is what
     * the stage runs, or tried to.
     */
    @Transactional(readOnly = true)
    public Map<String, Deployment> latestPerStage(String service) {
        return deployments.findLatestPerStage(service).stream()
                .collect(Collectors.toMap(Deployment::stage, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /**
     * Deployments of a service in a stage that finished in {@code [from, to)}, oldest first, with
     * their histories: deployment frequency, change failure rate (FAILED and ROLLED_BACK over all),
     * lead time (commit time to finish) and time to restore read from these.
     */
    @Transactional(readOnly = true)
    public List<Deployment> finishedBetween(String service, String stage, Instant from, Instant to) {
        return deployments.findFinishedBetween(service, stage, from, to);
    }

    /**
     * The status of each deployment of a service in a stage that finished in {@code [from, to)},
     * as it stands now: what the gate's change failure rate counts, read without the histories
     * (with them it cost the gate a tenth of an evaluation).
     */
    public List<DeploymentStatus> finishedStatusesBetween(String service, String stage, Instant from, Instant to) {
        return deployments.findFinishedStatusesBetween(service, stage, from, to);
    }

    /**
     * When this version SUCCEEDED in this stage, if it stands there now: the time of the SUCCEEDED
     * status of its newest deployment there. Empty while that deployment runs, or when it failed
     * or was rolled back.
     */
    @Transactional(readOnly = true)
    public Optional<Instant> succeededAt(String service, String stage, String version) {
        return deployments.findNewestStatus(service, stage, version)
                .filter(newest -> newest.status() == DeploymentStatus.SUCCEEDED)
                .map(StatusChange::time);
    }

    /**
     * The deployment of a service in a stage that was the newest at {@code at} (the last to have
     * started by then), as it stood then: what a backtest asks to learn which version the stage ran
     * at a past moment, and whether it had succeeded yet. A deployment is found by its latest start,
     * so one started again after {@code at} is not found at {@code at}.
     */
    @Transactional(readOnly = true)
    public Optional<Deployment> newestAt(String service, String stage, Instant at) {
        return deployments.findNewestStartedBy(service, stage, at).map(deployment -> deployment.asOf(at));
    }

    /**
     * Checks reports and the caller's right to make them, naming every fault.
     *
     * @throws org.springframework.security.access.AccessDeniedException when a report is of a
     *         service of a team the caller may not act on
     */
    void validate(Caller caller, List<Reported<DeploymentReport>> reports, ServiceLookup lookup,
            Violations violations) {
        for (Reported<DeploymentReport> reported : reports) {
            FieldChecks checks = new FieldChecks(reported, violations);
            DeploymentReport report = reported.report();
            if (report == null) {
                checks.add("", "must be an object with a service, stage, version and status");
                continue;
            }
            if (report.id() != null) {
                checks.matches("id", report.id(), DeploymentKey.PATTERN, DeploymentKey.DESCRIPTION);
            }
            checks.identifier("service", report.service());
            checks.identifier("stage", report.stage());
            checks.matches("version", report.version(), Version.PATTERN, Version.DESCRIPTION);
            checks.required("status", report.status());
            checks.optionalText("commit", report.commit(), DeploymentReport.MAX_COMMIT_LENGTH);
            checks.optionalText("pipelineRun", report.pipelineRun(), DeploymentReport.MAX_PIPELINE_RUN_LENGTH);
            checks.notFarAhead("time", report.time(), clock.instant());
            checks.notFarAhead("commitTime", report.commitTime(), clock.instant());
            lookup.place(checks, report.service(), report.stage(), caller);
        }
    }

    /**
     * Stores validated reports in order, each on the deployment it names, and answers the
     * deployment of each as it stands after all of them. Two lookups and three writes, however
     * many reports there are (each split in statements of at most {@link StatementRows#MAX_ROWS} rows).
     *
     * @throws ConflictException when an id already names a deployment of another service, stage or version
     */
    List<Deployment> store(List<Reported<DeploymentReport>> reports) {
        Instant now = clock.instant();
        List<DeploymentReport> normalized = reports.stream()
                .map(reported -> normalize(reported.report(), now)).toList();
        Map<String, Pending> byId = new LinkedHashMap<>();
        Set<String> ids = normalized.stream().map(DeploymentReport::id).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        deployments.findByIds(ids).forEach(stored -> byId.put(stored.id(), Pending.of(stored)));
        Set<VersionInStage> versions = normalized.stream().filter(report -> report.id() == null)
                .map(Deployments::versionOf).collect(Collectors.toSet());
        deployments.findByVersions(versions).forEach(stored -> byId.putIfAbsent(stored.id(), Pending.of(stored)));
        Map<VersionInStage, List<Pending>> byVersion = new HashMap<>();
        byId.values().forEach(pending -> byVersion.computeIfAbsent(pending.version(), v -> new ArrayList<>())
                .add(pending));

        List<Pending> targets = new ArrayList<>();
        for (DeploymentReport report : normalized) {
            VersionInStage version = versionOf(report);
            Pending pending = report.id() != null ? byId.get(report.id())
                    : newestOf(byVersion.getOrDefault(version, List.of()));
            if (pending == null) {
                pending = Pending.create(report.id() != null ? report.id() : UUID.randomUUID().toString(), report,
                        report.id() == null, now);
                byId.put(pending.id, pending);
                byVersion.computeIfAbsent(version, v -> new ArrayList<>()).add(pending);
            } else if (!pending.version().equals(version)) {
                throw new ConflictException("Deployment '" + report.id() + "' is a deployment of another service, stage"
                        + " or version; an id names one deployment");
            }
            pending.apply(report, now);
            targets.add(pending);
        }

        List<Pending> touched = byId.values().stream().filter(pending -> pending.isNew || pending.changed).toList();
        deployments.insert(touched.stream().filter(pending -> pending.isNew).map(Pending::toDeployment).toList(),
                touched.stream().filter(pending -> pending.isNew && pending.keyedByVersion).map(pending -> pending.id)
                        .collect(Collectors.toSet()));
        deployments.update(touched.stream().filter(pending -> !pending.isNew).map(Pending::toDeployment).toList());
        deployments.insertHistory(touched.stream().flatMap(pending -> pending.newRows(now).stream()).toList());
        return targets.stream().map(Pending::toDeployment).toList();
    }

    private static DeploymentReport normalize(DeploymentReport report, Instant now) {
        return new DeploymentReport(report.id(), report.service(), report.stage(), report.version(), report.status(),
                micros(report.time() == null ? now : report.time()), blankToNull(report.commit()),
                report.commitTime() == null ? null : micros(report.commitTime()), blankToNull(report.pipelineRun()));
    }

    /** The precision both databases keep, so that a deployment answered equals the one read back later. */
    private static Instant micros(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static VersionInStage versionOf(DeploymentReport report) {
        return new VersionInStage(report.service(), report.stage(), report.version());
    }

    /** The deployment of a version that began last: the one a report without an id updates. */
    private static Pending newestOf(List<Pending> deploymentsOfVersion) {
        return deploymentsOfVersion.stream()
                .max(Comparator.comparing((Pending pending) -> StatusHistory.startedAt(pending.history))
                        .thenComparing(pending -> pending.createdAt)
                        .thenComparing(pending -> pending.id))
                .orElse(null);
    }

    /** A deployment while reports are applied to it, before it is written. */
    private static final class Pending {

        final String id;
        final String service;
        final String stage;
        final String versionLabel;
        final boolean keyedByVersion;
        final boolean isNew;
        final Instant createdAt;
        final List<StatusChange> history;
        final int storedChanges;
        String commit;
        Instant commitTime;
        String pipelineRun;
        Instant updatedAt;
        boolean changed;

        private Pending(String id, String service, String stage, String version, boolean keyedByVersion, boolean isNew,
                Instant createdAt, Instant updatedAt, List<StatusChange> history, String commit, Instant commitTime,
                String pipelineRun) {
            this.id = id;
            this.service = service;
            this.stage = stage;
            this.versionLabel = version;
            this.keyedByVersion = keyedByVersion;
            this.isNew = isNew;
            this.createdAt = createdAt;
            this.updatedAt = updatedAt;
            this.history = new ArrayList<>(history);
            this.storedChanges = isNew ? 0 : history.size();
            this.commit = commit;
            this.commitTime = commitTime;
            this.pipelineRun = pipelineRun;
        }

        static Pending of(Deployment stored) {
            return new Pending(stored.id(), stored.service(), stored.stage(), stored.version(), false, false,
                    stored.createdAt(), stored.updatedAt(), stored.history(), stored.commit(), stored.commitTime(),
                    stored.pipelineRun());
        }

        static Pending create(String id, DeploymentReport report, boolean keyedByVersion, Instant now) {
            return new Pending(id, report.service(), report.stage(), report.version(), keyedByVersion, true, now, now,
                    List.of(), null, null, null);
        }

        VersionInStage version() {
            return new VersionInStage(service, stage, versionLabel);
        }

        /** A later report's details replace earlier ones; details it leaves out are kept. */
        void apply(DeploymentReport report, Instant now) {
            StatusChange change = new StatusChange(report.status(), report.time());
            boolean changes = StatusHistory.adds(history, change);
            if (changes) {
                history.add(change);
            }
            if (report.commit() != null && !report.commit().equals(commit)) {
                commit = report.commit();
                changes = true;
            }
            if (report.commitTime() != null && !report.commitTime().equals(commitTime)) {
                commitTime = report.commitTime();
                changes = true;
            }
            if (report.pipelineRun() != null && !report.pipelineRun().equals(pipelineRun)) {
                pipelineRun = report.pipelineRun();
                changes = true;
            }
            if (changes) {
                changed = true;
                updatedAt = now;
            }
        }

        List<StatusRow> newRows(Instant now) {
            List<StatusRow> rows = new ArrayList<>();
            for (int position = storedChanges; position < history.size(); position++) {
                rows.add(new StatusRow(id, position, history.get(position), now));
            }
            return rows;
        }

        Deployment toDeployment() {
            StatusChange current = StatusHistory.current(history);
            return new Deployment(id, service, stage, versionLabel, current.status(), current.time(),
                    StatusHistory.startedAt(history), StatusHistory.finishedAt(history), commit, commitTime, pipelineRun,
                    history, createdAt, updatedAt);
        }
    }
}
