package dev.tollgate.scorecard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import dev.tollgate.api.ApiDuration;
import dev.tollgate.api.Violations;
import dev.tollgate.catalog.MetricCategory;
import dev.tollgate.catalog.MetricCatalog;
import dev.tollgate.catalog.MetricDefinition;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.ServiceDefinition;
import dev.tollgate.catalog.Team;
import dev.tollgate.catalog.TeamCatalog;
import dev.tollgate.delivery.DeliveryPerformance;
import dev.tollgate.gate.GateEvaluations;
import dev.tollgate.goals.InputGoals;
import dev.tollgate.metrics.MetricSelector;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;

/**
 * Team and service scorecards (API.md "Scorecards"): each figure over the period and the one
 * before, judged against its target or its past ({@link Judgement}), with a sparkline.
 *
 * <p>A team's scorecard reads its team-level figures and those of the services it owns, over all
 * their stages. A service's reads the service's own figures, and its team's input goals and
 * enablement, which belong to teams, not services. Business metrics appear where they have data;
 * built-in operational and enablement metrics always do, with NO_DATA when they have none.
 */
@Service
public class Scorecards {

    public static final Duration DEFAULT_PERIOD = Duration.ofDays(7);

    private final MetricItems metricItems;
    private final DoraItems doraItems;
    private final MetricCatalog metrics;
    private final InputGoals goals;
    private final DeliveryPerformance delivery;
    private final GateEvaluations gate;
    private final TeamCatalog teams;
    private final ServiceCatalog services;
    private final CurrentCaller callers;
    private final Clock clock;

    Scorecards(MetricItems metricItems, MetricCatalog metrics, InputGoals goals, DeliveryPerformance delivery,
            GateEvaluations gate, TeamCatalog teams, ServiceCatalog services, CurrentCaller callers, Clock clock) {
        this.metricItems = metricItems;
        this.doraItems = new DoraItems();
        this.metrics = metrics;
        this.goals = goals;
        this.delivery = delivery;
        this.gate = gate;
        this.teams = teams;
        this.services = services;
        this.callers = callers;
        this.clock = clock;
    }

    /** The period a scorecard may cover, checked where a caller gives it: {@code pointer} names the parameter. */
    public static void validatePeriod(Violations violations, String pointer, Duration period) {
        if (period.compareTo(ScorecardPeriod.MIN_LENGTH) < 0 || period.compareTo(ScorecardPeriod.MAX_LENGTH) > 0) {
            violations.add(pointer, "must be from " + ApiDuration.format(ScorecardPeriod.MIN_LENGTH) + " to "
                    + ApiDuration.format(ScorecardPeriod.MAX_LENGTH));
        }
    }

    /** A team's scorecard over the period that ends at {@code at} (now when null). */
    public Scorecard team(String team, Duration period, Instant at) {
        Caller caller = readingCaller(period);
        caller.requireRead(team);
        Team found = teams.get(team);
        return new Reading(ScorecardPeriod.endingAt(period, at == null ? clock.instant() : at)).team(found.id());
    }

    /** A service's scorecard over the period that ends at {@code at} (now when null). */
    public Scorecard service(String service, Duration period, Instant at) {
        Caller caller = readingCaller(period);
        ServiceDefinition found = services.get(service);
        caller.requireRead(found.team());
        return new Reading(ScorecardPeriod.endingAt(period, at == null ? clock.instant() : at)).service(found);
    }

    /** The scorecard of every team the caller may read, in team order: the overview. */
    public List<Scorecard> teams(Duration period, Instant at) {
        readingCaller(period);
        Reading reading = new Reading(ScorecardPeriod.endingAt(period, at == null ? clock.instant() : at));
        return teams.list(0, Integer.MAX_VALUE).stream().map(team -> reading.team(team.id())).toList();
    }

    /**
     * The scorecard of every owned service the caller may read, worst first: the operational
     * review. Unowned services are left out: there is no team to review them with.
     */
    public List<Scorecard> services(Duration period, Instant at) {
        readingCaller(period);
        Reading reading = new Reading(ScorecardPeriod.endingAt(period, at == null ? clock.instant() : at));
        List<Scorecard> cards = new ArrayList<>();
        for (ServiceDefinition service : services.list(null, 0, Integer.MAX_VALUE)) {
            if (service.team() != null) {
                cards.add(reading.service(service));
            }
        }
        cards.sort(Scorecard.WORST_FIRST);
        return cards;
    }

    private Caller readingCaller(Duration period) {
        Caller caller = callers.get();
        caller.require(Scope.READ);
        Violations violations = new Violations();
        validatePeriod(violations, "period", period);
        violations.throwIfAny("The scorecard period is invalid");
        return caller;
    }

    /**
     * One request's reading: the metric definitions are read once, and a team's goals and
     * enablement once however many of its services' scorecards need them.
     */
    private final class Reading {

        private final ScorecardPeriod period;
        private final List<MetricDefinition> definitions;
        private final Map<String, List<ScorecardItem>> goalsOfTeam = new HashMap<>();
        private final Map<String, List<ScorecardItem>> enablementOfTeam = new HashMap<>();

        Reading(ScorecardPeriod period) {
            this.period = period;
            this.definitions = metrics.list().stream()
                    .sorted(Comparator.comparing((MetricDefinition definition) -> !definition.builtIn())
                            .thenComparing(MetricDefinition::id))
                    .toList();
        }

        Scorecard team(String team) {
            Function<String, MetricSelector> selector = metric -> MetricSelector.ofTeam(metric, team);
            List<String> owned = services.list(team, 0, Integer.MAX_VALUE).stream().map(ServiceDefinition::id).toList();
            return new Scorecard(team, null, ApiDuration.format(period.length()), period.from(), period.to(),
                    items(MetricCategory.BUSINESS, selector), items(MetricCategory.OPERATIONAL, selector),
                    inputGoals(team), enablement(team),
                    doraItems.of(delivery, owned, period), gate.tally(team, null, period.from(), period.to()));
        }

        Scorecard service(ServiceDefinition service) {
            Function<String, MetricSelector> selector = metric -> MetricSelector.ofService(metric, service.id(), null);
            return new Scorecard(service.team(), service.id(), ApiDuration.format(period.length()), period.from(),
                    period.to(), items(MetricCategory.BUSINESS, selector), items(MetricCategory.OPERATIONAL, selector),
                    inputGoals(service.team()), enablement(service.team()),
                    doraItems.of(delivery, List.of(service.id()), period),
                    gate.tally(service.team(), service.id(), period.from(), period.to()));
        }

        private List<ScorecardItem> items(MetricCategory category, Function<String, MetricSelector> selector) {
            List<ScorecardItem> items = new ArrayList<>();
            for (MetricDefinition definition : definitions) {
                if (definition.category() == category) {
                    metricItems.of(definition, selector.apply(definition.id()), period, definition.builtIn())
                            .ifPresent(items::add);
                }
            }
            return items;
        }

        private List<ScorecardItem> inputGoals(String team) {
            return goalsOfTeam.computeIfAbsent(team, key -> {
                List<ScorecardItem> items = new ArrayList<>(GoalItems.of(goals.list(key), period));
                items.addAll(items(MetricCategory.INPUT_GOAL, metric -> MetricSelector.ofTeam(metric, key)));
                return items;
            });
        }

        private List<ScorecardItem> enablement(String team) {
            return enablementOfTeam.computeIfAbsent(team,
                    key -> items(MetricCategory.ENABLEMENT, metric -> MetricSelector.ofTeam(metric, key)));
        }
    }
}
