package dev.tollgate.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import dev.tollgate.gate.GateEvaluations;
import dev.tollgate.rules.Verdict;
import dev.tollgate.security.CurrentCaller;

/**
 * The gate's record of the month: every question the demo's pipelines asked, put to the real gate
 * as of the moment it was asked, so that each verdict and its reasons are what the rules made of
 * the deployments, tests and metrics of that moment.
 */
@Component
@ConditionalOnBooleanProperty("tollgate.demo.enabled")
class DemoGateHistory {

    /** Two services at a time: while one evaluation waits for its commit, the other computes. */
    private static final int WORKERS = 2;
    private static final Logger log = LoggerFactory.getLogger(DemoGateHistory.class);

    private final GateEvaluations gate;
    private final CurrentCaller callers;

    DemoGateHistory(GateEvaluations gate, CurrentCaller callers) {
        this.gate = gate;
        this.callers = callers;
    }

    /**
     * Each service's questions in time order: PROMOTION_ORDER reads the thresholds of the service
     * that failed since, which must be the ones failed by then; no rule reads another service's
     * evaluations. Not in one transaction: the gate reads its stores on threads of its own, which
     * see only what is committed.
     */
    Map<Verdict.Decision, Integer> seed(List<DemoDeployments.GateAsk> asks) {
        long started = System.nanoTime();
        Map<String, List<DemoDeployments.GateAsk>> byService = asks.stream()
                .collect(Collectors.groupingBy(ask -> ask.question().service()));
        Map<Verdict.Decision, Integer> verdicts = new EnumMap<>(Verdict.Decision.class);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<List<Verdict.Decision>>> answers = new ArrayList<>();
            for (List<DemoDeployments.GateAsk> service : byService.values()) {
                answers.add(workers.submit(() -> callers.runAsSystem(() -> service.stream()
                        .sorted(Comparator.comparing(DemoDeployments.GateAsk::at))
                        .map(ask -> gate.evaluateAsOf(ask.question(), ask.at()).verdict()).toList())));
            }
            for (Future<List<Verdict.Decision>> answer : answers) {
                answer.get().forEach(verdict -> verdicts.merge(verdict, 1, Integer::sum));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the gate for the demo's history", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The gate could not be asked for the demo's history", e.getCause());
        } finally {
            workers.shutdownNow();
        }
        log.info("Asked the gate {} times over the last {} days in {} ms: {}", asks.size(), DemoMetrics.HISTORY.toDays(),
                (System.nanoTime() - started) / 1_000_000, verdicts);
        return verdicts;
    }
}
