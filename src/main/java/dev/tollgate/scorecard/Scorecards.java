package dev.tollgate.scorecard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.concurrent.DelegatingSecurityContextCallable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
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
import dev.tollgate.delivery.DoraFigures;
import dev.tollgate.gate.GateEvaluations;
import dev.tollgate.gate.GateTally;
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
    private final MetricCatalog metrics;
    private final InputGoals goals;
    private final DeliveryPerformance delivery;
    private final GateEvaluations gate;
    private final TeamCatalog teams;
    private final ServiceCatalog services;
    private final CurrentCaller callers;
    private final Clock clock;
    /** Where the caller of a request is kept: the application context's, as {@link CurrentCaller} finds it. */
    private final SecurityContextHolderStrategy securityContexts;

    Scorecards(MetricItems metricItems, MetricCatalog metrics, InputGoals goals, DeliveryPerformance delivery,
            GateEvaluations gate, TeamCatalog teams, ServiceCatalog services, CurrentCaller callers, Clock clock,
            ObjectProvider<SecurityContextHolderStrategy> securityContexts) {
        this.metricItems = metricItems;
        this.metrics = metrics;
        this.goals = goals;
        this.delivery = delivery;
        this.gate = gate;
        this.teams = teams;
        this.services = services;
        this.callers = callers;
        this.clock = clock;
        this.securityContexts = securityContexts.getIfUnique(SecurityContextHolder::getContextHolderStrategy);
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
     *
     * <p>A scorecard's reads run side by side on virtual threads: its metric items, all quadrants
     * at once, and its DORA sparkline, as the caller (the delivery figures check who asks), while
     * this thread reads the DORA figures of the period and the one before, its goals and its gate
     * tally. DORA's reads of deployments were most of a 7-day team scorecard's time (README
     * "Benchmarks"), and it read everything one part after the other.
     */
    private final class Reading {

        private final ScorecardPeriod period;
        private final List<MetricDefinition> definitions;
        private final Map<String, List<ScorecardItem>> goalsOfTeam = new HashMap<>();
        private final Map<String, Quadrant> goalMetricsOfTeam = new HashMap<>();
        private final Map<String, Quadrant> enablementOfTeam = new HashMap<>();

        Reading(ScorecardPeriod period) {
            this.period = period;
            this.definitions = metrics.list().stream()
                    .sorted(Comparator.comparing((MetricDefinition definition) -> !definition.builtIn())
                            .thenComparing(MetricDefinition::id))
                    .toList();
        }

        Scorecard team(String team) {
            List<String> owned = services.list(team, 0, Integer.MAX_VALUE).stream().map(ServiceDefinition::id).toList();
            return card(team, null, metric -> MetricSelector.ofTeam(metric, team), owned);
        }

        Scorecard service(ServiceDefinition service) {
            return card(service.team(), service.id(), metric -> MetricSelector.ofService(metric, service.id(), null),
                    List.of(service.id()));
        }

        /** The scorecard of a team ({@code service} null) or of one of its services, or of an unowned service. */
        private Scorecard card(String team, String service, Function<String, MetricSelector> selector,
                List<String> deploying) {
            try (ExecutorService side = Executors.newVirtualThreadPerTaskExecutor()) {
                Quadrant business = quadrant(side, MetricCategory.BUSINESS, selector);
                Quadrant operational = quadrant(side, MetricCategory.OPERATIONAL, selector);
                Quadrant goalMetrics = teamQuadrant(side, goalMetricsOfTeam, MetricCategory.INPUT_GOAL, team);
                Quadrant enablement = teamQuadrant(side, enablementOfTeam, MetricCategory.ENABLEMENT, team);
                Future<List<DoraFigures>> doraSparkline = asCaller(side,
                        () -> delivery.doraPerBucket(deploying, period.from(), period.to(), DoraItems.step(period)));
                // The period and the one before as the two buckets of one read, each as it stood at its own end.
                List<DoraFigures> doraPeriods = delivery.doraPerBucket(deploying, period.previous().from(), period.to(),
                        period.length());
                List<ScorecardItem> goalItems = goals(team);
                GateTally tally = gate.tally(team, service, period.from(), period.to());
                return new Scorecard(team, service, ApiDuration.format(period.length()), period.from(), period.to(),
                        business.items(), operational.items(), concat(goalItems, goalMetrics.items()),
                        enablement.items(),
                        DoraItems.of(doraPeriods.getLast(), doraPeriods.getFirst(), Quadrant.join(doraSparkline)), tally);
            }
        }

        /** Runs {@code read} on {@code side} as the caller of this thread. */
        private <T> Future<T> asCaller(ExecutorService side, Callable<T> read) {
            DelegatingSecurityContextCallable<T> asCaller = new DelegatingSecurityContextCallable<>(read,
                    securityContexts.getContext());
            asCaller.setSecurityContextHolderStrategy(securityContexts);
            return side.submit(asCaller);
        }

        /** The metric items of a quadrant, each read on its own virtual thread of {@code side}. */
        private Quadrant quadrant(ExecutorService side, MetricCategory category,
                Function<String, MetricSelector> selector) {
            List<Future<Optional<ScorecardItem>>> reads = new ArrayList<>();
            for (MetricDefinition definition : definitions) {
                if (definition.category() == category) {
                    reads.add(side.submit(() -> metricItems.of(definition, selector.apply(definition.id()), period,
                            definition.builtIn())));
                }
            }
            return new Quadrant(reads);
        }

        /**
         * A team's quadrant, read once per reading however many of its services ask: none for an
         * unowned service, which has no team to set goals or record enablement.
         */
        private Quadrant teamQuadrant(ExecutorService side, Map<String, Quadrant> ofTeam, MetricCategory category,
                String team) {
            if (team == null) {
                return Quadrant.NONE;
            }
            return ofTeam.computeIfAbsent(team,
                    key -> quadrant(side, category, metric -> MetricSelector.ofTeam(metric, key)));
        }

        /** A team's goals; none for an unowned service. */
        private List<ScorecardItem> goals(String team) {
            if (team == null) {
                return List.of();
            }
            return goalsOfTeam.computeIfAbsent(team, key -> GoalItems.of(goals.list(key), period));
        }
    }

    private static List<ScorecardItem> concat(List<ScorecardItem> first, List<ScorecardItem> second) {
        List<ScorecardItem> items = new ArrayList<>(first);
        items.addAll(second);
        return items;
    }

    /** The metric items of a quadrant being read, in the order of their definitions. */
    private record Quadrant(List<Future<Optional<ScorecardItem>>> reads) {

        static final Quadrant NONE = new Quadrant(List.of());

        List<ScorecardItem> items() {
            List<ScorecardItem> items = new ArrayList<>();
            for (Future<Optional<ScorecardItem>> read : reads) {
                join(read).ifPresent(items::add);
            }
            return items;
        }

        /** Waits for a read; a failed read's own exception, so that an unavailable store answers as one (503). */
        static <T> T join(Future<T> read) {
            try {
                return read.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading a scorecard", e);
            }
        }
    }
}
