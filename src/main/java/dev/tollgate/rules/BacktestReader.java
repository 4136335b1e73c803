package dev.tollgate.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.security.access.AccessDeniedException;

import dev.tollgate.api.ApiDuration;
import dev.tollgate.api.ApiTime;
import dev.tollgate.api.Violations;
import dev.tollgate.catalog.ServiceDefinition;
import dev.tollgate.security.Caller;
import tools.jackson.databind.JsonNode;

/**
 * Reads the body of {@code POST /api/v1/rules/backtest} into a {@link Backtest.Question}, every
 * fault at its pointer: the rule as {@code PUT /rules/{rule}} takes it (under {@code /rule}), a
 * service in the catalog whose team the caller may read, a stage of its path that the rule gates,
 * and a past window within {@link RuleBacktests}' limits.
 */
final class BacktestReader {

    /** A rule body carries no id; the backtested rule needs one for its messages only. */
    static final String RULE_ID = "backtest";
    private static final Set<String> FIELDS = Set.of("rule", "service", "stage", "from", "to", "step");

    private final Violations violations;
    private final Function<String, Optional<ServiceDefinition>> services;
    private final Caller caller;

    BacktestReader(Violations violations, Function<String, Optional<ServiceDefinition>> services, Caller caller) {
        this.violations = violations;
        this.services = services;
        this.caller = caller;
    }

    /**
     * The question {@code body} asks at {@code now}, or empty with its faults noted.
     *
     * @throws AccessDeniedException when the service belongs to a team the caller may not read
     */
    Optional<Backtest.Question> read(JsonNode body, Instant now) {
        int before = violations.count();
        if (body == null || !body.isObject()) {
            violations.add("/", "must be an object with a rule, service, stage, from and optionally to and step");
            return Optional.empty();
        }
        for (String field : body.propertyNames()) {
            if (!FIELDS.contains(field)) {
                violations.add("/" + field, "is not a field of a backtest");
            }
        }
        Optional<Rule> rule = new RuleReader(violations.under("/rule")).read(RULE_ID, body.path("rule"));
        ServiceDefinition service = service(body.path("service"));
        String stage = stage(body.path("stage"), service);
        rule.ifPresent(read -> checkGates(read, service, stage));
        Instant from = time(body.path("from"), "/from", null);
        Instant to = time(body.path("to"), "/to", now);
        Duration step = step(body.path("step"));
        if (from != null && to != null) {
            checkWindow(from, to, now, step);
        }
        if (violations.count() != before) {
            return Optional.empty();
        }
        return Optional.of(new Backtest.Question(rule.orElseThrow(), service.id(), service.team(),
                service.stageBefore(stage).orElse(null), stage, from, to, step));
    }

    private ServiceDefinition service(JsonNode node) {
        String id = node.isString() ? node.stringValue() : null;
        if (!violations.identifier("/service", id)) {
            return null;
        }
        ServiceDefinition service = services.apply(id).orElse(null);
        if (service == null) {
            violations.add("/service", "service '" + id + "' is not in the catalog");
        } else if (!caller.mayRead(service.team())) {
            throw new AccessDeniedException("Not allowed to read service '" + id + "'");
        }
        return service;
    }

    private String stage(JsonNode node, ServiceDefinition service) {
        String stage = node.isString() ? node.stringValue() : null;
        if (!violations.identifier("/stage", stage) || service == null) {
            return stage;
        }
        if (!service.stages().contains(stage)) {
            violations.add("/stage", "is not a stage of " + service.id() + ": its path is "
                    + String.join(" → ", service.stages()));
        }
        return stage;
    }

    /** A rule that would never gate this promotion would answer nothing worth reading: say so instead. */
    private void checkGates(Rule rule, ServiceDefinition service, String stage) {
        if (service == null) {
            return;
        }
        Rule.Scope scope = rule.scope();
        if (scope.service() != null && !scope.service().equals(service.id())) {
            violations.add("/rule/scope", "is service " + scope.service() + ", so the rule does not gate " + service.id());
        }
        if (scope.team() != null && !scope.team().equals(service.team())) {
            violations.add("/rule/scope", "is team " + scope.team() + ", which does not own " + service.id());
        }
        if (stage != null && !rule.stages().isEmpty() && !rule.stages().contains(stage)) {
            violations.add("/rule/stages", "do not include " + stage + ", so the rule does not gate it");
        }
    }

    private Instant time(JsonNode node, String pointer, Instant absent) {
        if (node.isMissingNode() || node.isNull()) {
            if (absent == null) {
                violations.add(pointer, "is required: " + ApiTime.DESCRIPTION);
            }
            return absent;
        }
        Optional<Instant> time = ApiTime.parse(node);
        if (time.isEmpty()) {
            violations.add(pointer, "must be " + ApiTime.DESCRIPTION);
        }
        return time.orElse(null);
    }

    private Duration step(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return RuleBacktests.DEFAULT_STEP;
        }
        Optional<Duration> step = node.isString() ? ApiDuration.parse(node.stringValue()) : Optional.empty();
        if (step.isEmpty()) {
            violations.add("/step", "must be " + ApiDuration.DESCRIPTION);
            return null;
        }
        if (step.get().compareTo(RuleBacktests.MIN_STEP) < 0) {
            violations.add("/step", "must be at least " + ApiDuration.format(RuleBacktests.MIN_STEP));
            return null;
        }
        return step.get();
    }

    private void checkWindow(Instant from, Instant to, Instant now, Duration step) {
        if (!from.isBefore(to)) {
            violations.add("/from", "must be before to (" + to + ")");
            return;
        }
        if (to.isAfter(now)) {
            violations.add("/to", "must not be later than now (" + now + "): a backtest replays what has happened");
        }
        Duration window = Duration.between(from, to);
        if (window.compareTo(RuleBacktests.MAX_WINDOW) > 0) {
            violations.add("/from", "must be at most " + ApiDuration.format(RuleBacktests.MAX_WINDOW) + " before to");
        } else if (step != null && window.dividedBy(step) + 1 > RuleBacktests.MAX_STEPS) {
            violations.add("/step", "makes " + (window.dividedBy(step) + 1) + " steps from from to to, more than "
                    + RuleBacktests.MAX_STEPS + ": take a longer step or a shorter window");
        }
    }
}
