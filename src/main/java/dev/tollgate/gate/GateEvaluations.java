package dev.tollgate.gate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tollgate.api.GeneratedIds;
import dev.tollgate.api.NotFoundException;
import dev.tollgate.api.Violations;
import dev.tollgate.catalog.CatalogStamp;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.ServiceDefinition;
import dev.tollgate.catalog.StampedServices;
import dev.tollgate.delivery.Version;
import dev.tollgate.rules.GateDecision;
import dev.tollgate.rules.GateRequest;
import dev.tollgate.rules.PromotionRules;
import dev.tollgate.rules.Verdict;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;
import jakarta.annotation.PreDestroy;

/**
 * The promotion gate (API.md "Promotion gate"): asked whether a version may go into a stage, it
 * lets the rules decide over what the stores answer within a time budget, applies an override if
 * one holds, stores the evaluation, and answers. Asking needs 'gate' for the service's team;
 * reading the record needs 'read'.
 */
@Service
public class GateEvaluations {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final PromotionRules rules;
    private final ServiceCatalog services;
    private final CatalogStamp catalogStamp;
    private final StampedServices stampedServices;
    private final Overrides overrides;
    private final GateEvaluationRepository evaluations;
    private final GateStores stores;
    private final CurrentCaller callers;
    private final GateRecorder recorder;
    private final GateMeters meters;
    private final GateProperties properties;
    private final Clock clock;
    // Virtual threads: a store that hangs holds a cheap thread, not a pool slot others need.
    private final ExecutorService questions = Executors.newVirtualThreadPerTaskExecutor();

    GateEvaluations(PromotionRules rules, ServiceCatalog services, CatalogStamp catalogStamp,
            StampedServices stampedServices, Overrides overrides,
            GateEvaluationRepository evaluations, GateStores stores, CurrentCaller callers,
            GateRecorder recorder, GateMeters meters,
            GateProperties properties, Clock clock) {
        this.rules = rules;
        this.services = services;
        this.catalogStamp = catalogStamp;
        this.stampedServices = stampedServices;
        this.overrides = overrides;
        this.evaluations = evaluations;
        this.stores = stores;
        this.callers = callers;
        this.recorder = recorder;
        this.meters = meters;
        this.properties = properties;
        this.clock = clock;
    }

    @PreDestroy
    void close() {
        questions.shutdown();
    }

    /** Asks the gate; the evaluation is committed before it is answered. */
    public GateEvaluation evaluate(GateQuestion question) {
        return evaluateAsOf(question, clock.instant());
    }

    /**
     * Asks the gate as it would have answered at {@code at}, and stores that evaluation as made
     * then. Only for the demo's month of history: its evaluations are the gate's real answers over
     * the stores, not made-up records, so they read as a pipeline's would have. Windows and bake
     * times are measured from {@code at}; deployments, test runs and thresholds failed since are read
     * as the stores hold them now, so asked in time order over a recorded past they are what was.
     */
    public GateEvaluation evaluateAsOf(GateQuestion question, Instant at) {
        long started = System.nanoTime();
        Caller caller = callers.get();
        caller.require(Scope.GATE);
        Violations violations = new Violations();
        // One read of the stamp, then the service and its rules from memory as they stood at it.
        long stamp = catalogStamp.current();
        Optional<ServiceDefinition> found = ServiceStages.find(id -> stampedServices.find(stamp, id), violations,
                question.service(), question.stage());
        if (violations.required("/version", question.version()) && !Version.isValid(question.version())) {
            violations.add("/version", "must be " + Version.DESCRIPTION);
        }
        violations.optionalText("/pipelineRun", question.pipelineRun(), GateQuestion.MAX_PIPELINE_RUN_LENGTH);
        violations.throwIfAny("The gate was not asked");
        ServiceDefinition service = found.orElseThrow();
        caller.require(Scope.GATE, service.team());

        String source = service.stageBefore(question.stage()).orElse(null);
        GateRequest request = new GateRequest(service.id(), service.team(), question.version(), source,
                question.stage(), at);
        GateDecision decision = StoreFacts.decide(questions, stores, properties.storeTimeout(),
                facts -> rules.decide(request, stamp, facts));
        AppliedOverride override = decision.verdict() == Verdict.Decision.PROMOTE ? null
                : overrides.holding(service.id(), question.stage(), question.version(), at)
                        .map(held -> new AppliedOverride(held.id(), held.createdBy(), held.reason(), held.expiresAt(),
                                decision.verdict()))
                        .orElse(null);
        Verdict.Decision verdict = override != null ? Verdict.Decision.PROMOTE : decision.verdict();
        Long retryAfter = verdict == Verdict.Decision.WAIT
                ? decision.retryAfter().map(GateEvaluations::wholeSeconds).orElse(null) : null;
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        GateEvaluation evaluation = new GateEvaluation(GeneratedIds.next(), service.id(), question.version(),
                question.stage(), source, verdict, retryAfter, at, took.toMillis(), question.pipelineRun(),
                decision.outcomes(), decision.warnings(), override);
        recorder.record(evaluation, service.team(), caller.actor(), decision.failedThresholds());
        meters.evaluated(evaluation, took);
        return evaluation;
    }

    @Transactional(readOnly = true)
    public GateEvaluation get(String id) {
        Caller caller = callers.get();
        caller.require(Scope.READ);
        GateEvaluation evaluation = evaluations.find(id).orElseThrow(() -> new NotFoundException("Gate evaluation", id));
        if (!caller.readsAnyTeam() && !caller.mayActOn(evaluations.teamOf(id).orElse(null))) {
            throw new AccessDeniedException("Not allowed to read gate evaluation '" + id + "'");
        }
        return evaluation;
    }

    /**
     * Evaluations newest first, narrowed by the filters given (each may be null); a caller bound
     * to teams sees its teams' only.
     */
    @Transactional(readOnly = true)
    public List<GateEvaluation> list(String service, String stage, String verdict, String from, String to, Integer limit) {
        Caller caller = callers.get();
        caller.require(Scope.READ);
        Violations violations = new Violations();
        if (service != null) {
            violations.identifier("service", service);
        }
        if (stage != null) {
            violations.identifier("stage", stage);
        }
        Verdict.Decision decision = null;
        if (verdict != null) {
            try {
                decision = Verdict.Decision.valueOf(verdict.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add("verdict", "must be one of " + List.of(Verdict.Decision.values()));
            }
        }
        Instant fromTime = violations.optionalTime("from", from);
        Instant toTime = violations.optionalTime("to", to);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            violations.add("from", "must be before to");
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            violations.add("limit", "must be from 1 to " + MAX_LIMIT);
        }
        violations.throwIfAny("The gate evaluation query is invalid");
        Set<String> teams = caller.readsAnyTeam() ? null : caller.teams();
        return evaluations.list(new GateEvaluationRepository.Filter(service, stage, decision, fromTime, toTime, teams,
                limit == null ? DEFAULT_LIMIT : limit));
    }

    /**
     * How often the gate answered what over {@code [from, to)} for a team's services, or for one
     * service when {@code service} is given (then {@code team} must be its owner).
     */
    @Transactional(readOnly = true)
    public GateTally tally(String team, String service, Instant from, Instant to) {
        callers.get().requireRead(team);
        return evaluations.tally(team, service, from, to);
    }

    /** The newest evaluation into each stage of a service, for the views beside the stage path. */
    @Transactional(readOnly = true)
    public List<GateEvaluation> latestPerStage(String service) {
        Caller caller = callers.get();
        ServiceDefinition found = services.find(service).orElseThrow(() -> new NotFoundException("Service", service));
        caller.requireRead(found.team());
        return evaluations.latestPerStage(service);
    }

    /** Whole seconds, rounded up: retrying a moment early would only wait again. */
    private static long wholeSeconds(Duration wait) {
        long seconds = wait.getSeconds();
        return wait.getNano() > 0 ? seconds + 1 : seconds;
    }
}
