package dev.tollgate.rules;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Service;

import dev.tollgate.api.Violations;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.delivery.Deployments;
import dev.tollgate.delivery.TestRuns;
import dev.tollgate.metrics.MetricStore;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;
import tools.jackson.databind.JsonNode;

/**
 * Backtests (API.md {@code POST /rules/backtest}): a rule, stored or not, replayed over a service's
 * past data, with 'read' and the right to read the service's team.
 *
 * <p>Deliberately not one transaction: every store question runs in its own, so that one that
 * fails makes its step ERROR and leaves the other steps readable (PostgreSQL refuses every
 * statement of a transaction after an error).
 */
@Service
public class RuleBacktests {

    /** Every step asks the stores afresh, so steps are the cost: 30 days at one an hour are 721. */
    public static final int MAX_STEPS = 2_000;
    public static final Duration MAX_WINDOW = Duration.ofDays(90);
    /** The metric stores' finest resolution: a shorter step would only repeat the same figures. */
    public static final Duration MIN_STEP = Duration.ofMinutes(1);
    public static final Duration DEFAULT_STEP = Duration.ofHours(1);

    private final ServiceCatalog services;
    private final MetricStore metrics;
    private final Deployments deployments;
    private final TestRuns testRuns;
    private final CurrentCaller callers;
    private final Clock clock;

    RuleBacktests(ServiceCatalog services, MetricStore metrics, Deployments deployments, TestRuns testRuns,
            CurrentCaller callers, Clock clock) {
        this.services = services;
        this.metrics = metrics;
        this.deployments = deployments;
        this.testRuns = testRuns;
        this.callers = callers;
        this.clock = clock;
    }

    /** Backtests the rule that {@code body} carries; a bad body is refused naming every fault. */
    public Backtest backtest(JsonNode body) {
        Caller caller = callers.get();
        caller.require(Scope.READ);
        Violations violations = new Violations();
        Backtest.Question question = new BacktestReader(violations, services::find, caller)
                .read(body, clock.instant()).orElse(null);
        violations.throwIfAny("The backtest was not run");
        return Backtest.replay(question, new StoreHistory(metrics, deployments, testRuns)::at);
    }
}
