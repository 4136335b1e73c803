package dev.tollgate.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tollgate.api.ApiTime;
import dev.tollgate.api.GeneratedIds;
import dev.tollgate.api.NotFoundException;
import dev.tollgate.api.Violations;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.ServiceDefinition;
import dev.tollgate.catalog.TeamCatalog;
import dev.tollgate.metrics.MetricPoint;
import dev.tollgate.metrics.MetricStore;
import dev.tollgate.security.AuditLog;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;

/**
 * The operational review's records: reviews, each counting one toward its team's
 * {@code principal_reviews} figure, and action items, listed until done. Written with 'review'
 * for the team concerned (admins, principals, and team leads for their teams), read with 'read';
 * a team-bound caller reads its own teams' only. Every change is audited.
 */
@Service
public class OperationalReviews {

    /** The enablement figure a review counts toward (a built-in metric definition, V001). */
    public static final String REVIEWS_METRIC = "principal_reviews";
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final String WEEK_DESCRIPTION = "a date such as 2026-11-23 (any day of the week reviewed), from 1970 to 9999";

    private final ReviewRepository reviews;
    private final TeamCatalog teams;
    private final ServiceCatalog services;
    private final MetricStore metrics;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OperationalReviews(ReviewRepository reviews, TeamCatalog teams, ServiceCatalog services, MetricStore metrics,
            CurrentCaller callers, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.reviews = reviews;
        this.teams = teams;
        this.services = services;
        this.metrics = metrics;
        this.callers = callers;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Records a review by the caller, now, and counts it toward the team's
     * {@code principal_reviews}. The week defaults to the current one (UTC).
     *
     * @throws dev.tollgate.metrics.MetricStoreUnavailableException when the figure could not be
     *         written; the review is then not kept either
     */
    public OperationalReview record(ReviewDraft draft) {
        Caller caller = callers.get();
        return record(caller, draft, clock.instant(), caller.actor());
    }

    /**
     * Records a review made earlier, by someone named here: for the demo's history and for
     * reviews carried over from another tool. Reserved to unbound admins, since it writes in
     * another's name and into the past.
     */
    public OperationalReview recordAsOf(ReviewDraft draft, Instant reviewedAt, String reviewer) {
        Caller caller = callers.get();
        caller.requireUnbound(Scope.ADMIN);
        Violations violations = new Violations();
        violations.required("/reviewedAt", reviewedAt);
        violations.text("/reviewer", reviewer, OperationalReview.MAX_REVIEWER_LENGTH);
        violations.throwIfAny("The review was not recorded");
        return record(caller, draft, reviewedAt, reviewer.strip());
    }

    /**
     * Not one transaction: the metric store commits on its own (the embedded store refuses to be
     * called inside a transaction, and InfluxDB is no part of one). So the review is committed
     * first and its point written after; should the store refuse the point, the review is taken
     * back before the refusal is answered, so that a failed request leaves neither behind.
     */
    private OperationalReview record(Caller caller, ReviewDraft draft, Instant at, String reviewer) {
        caller.require(Scope.REVIEW);
        Violations violations = new Violations();
        if (draft == null) {
            violations.add("/", "must be an object with a team and notes");
            violations.throwIfAny("The review was not recorded");
        }
        String notes = strip(draft.notes());
        violations.text("/notes", notes, OperationalReview.MAX_NOTES_LENGTH);
        LocalDate week = draft.week() == null ? OperationalReview.weekOf(LocalDate.ofInstant(at, ZoneOffset.UTC))
                : week(violations, "/week", draft.week());
        checkPlace(caller, violations, draft.team(), draft.service());
        violations.throwIfAny("The review was not recorded");

        OperationalReview review = new OperationalReview(GeneratedIds.next(), draft.team(), draft.service(), week, at,
                reviewer, notes);
        transactions.executeWithoutResult(status -> {
            reviews.insert(review);
            audit.record("REVIEW_RECORDED", "review", review.id(), describe(review));
        });
        try {
            metrics.write(List.of(new MetricPoint(REVIEWS_METRIC, review.team(), null, null, at, 1.0, Map.of())));
        } catch (RuntimeException e) {
            transactions.executeWithoutResult(status -> {
                reviews.deleteReview(review.id());
                audit.record("REVIEW_WITHDRAWN", "review", review.id(),
                        "the metric store did not take its " + REVIEWS_METRIC + " point");
            });
            throw e;
        }
        return review;
    }

    @Transactional(readOnly = true)
    public OperationalReview get(String id) {
        Caller caller = callers.get();
        caller.require(Scope.READ);
        OperationalReview review = reviews.findReview(id).orElseThrow(() -> new NotFoundException("Review", id));
        caller.requireRead(review.team());
        return review;
    }

    /** Reviews newest first, of one team and one week when given (any day of it, {@link #WEEK_DESCRIPTION}). */
    @Transactional(readOnly = true)
    public List<OperationalReview> list(String team, String week, int limit) {
        Caller caller = callers.get();
        Violations violations = new Violations();
        checkFilter(caller, violations, team, limit);
        LocalDate monday = week == null ? null : week(violations, "week", week);
        violations.throwIfAny("The review query is invalid");
        return reviews.findReviews(visibleTeams(caller), team, monday, limit);
    }

    /** Adds an action item to a team, and to one of its services or reviews when named. */
    @Transactional
    public ActionItem add(ActionItemDraft draft) {
        Caller caller = callers.get();
        caller.require(Scope.REVIEW);
        Violations violations = new Violations();
        if (draft == null) {
            violations.add("/", "must be an object with a team, title, owner and due date");
            violations.throwIfAny("The action item was not added");
        }
        String title = strip(draft.title());
        String owner = strip(draft.owner());
        violations.text("/title", title, ActionItem.MAX_TITLE_LENGTH);
        violations.text("/owner", owner, ActionItem.MAX_OWNER_LENGTH);
        LocalDate due = null;
        if (violations.required("/due", draft.due())) {
            due = date(draft.due());
            if (due == null) {
                violations.add("/due", "must be " + ActionItem.DUE_DESCRIPTION);
            }
        }
        boolean placed = checkPlace(caller, violations, draft.team(), draft.service());
        if (draft.review() != null) {
            Optional<OperationalReview> review = reviews.findReview(draft.review());
            if (review.isEmpty()) {
                violations.add("/review", "review '" + draft.review() + "' does not exist");
            } else if (placed && !review.get().team().equals(draft.team())) {
                violations.add("/review", "is a review of team '" + review.get().team() + "', not '" + draft.team() + "'");
            }
        }
        violations.throwIfAny("The action item was not added");

        ActionItem item = new ActionItem(GeneratedIds.next(), draft.team(), draft.service(), draft.review(), title,
                owner, due, clock.instant(), caller.actor(), null, null);
        reviews.insert(item);
        audit.record("ACTION_ITEM_ADDED", "action_item", item.id(), describe(item));
        return item;
    }

    /** Marks an item done, by the caller and now; an item done already stays as it was. */
    @Transactional
    public ActionItem complete(String id) {
        Caller caller = callers.get();
        caller.require(Scope.REVIEW);
        ActionItem item = reviews.findItem(id).orElseThrow(() -> new NotFoundException("Action item", id));
        caller.require(Scope.REVIEW, item.team());
        if (item.open() && reviews.markDone(id, clock.instant(), caller.actor())) {
            audit.record("ACTION_ITEM_DONE", "action_item", id, describe(item));
        }
        return reviews.findItem(id).orElseThrow(() -> new NotFoundException("Action item", id));
    }

    @Transactional(readOnly = true)
    public ActionItem getItem(String id) {
        Caller caller = callers.get();
        caller.require(Scope.READ);
        ActionItem item = reviews.findItem(id).orElseThrow(() -> new NotFoundException("Action item", id));
        caller.requireRead(item.team());
        return item;
    }

    /**
     * Action items due first: of one team when given; open ones ({@code "true"}), done ones
     * ({@code "false"}) or all (null); added in one week when given.
     */
    @Transactional(readOnly = true)
    public List<ActionItem> items(String team, String open, String week, int limit) {
        Caller caller = callers.get();
        Violations violations = new Violations();
        checkFilter(caller, violations, team, limit);
        Boolean openOnly = null;
        if (open != null) {
            if (open.equals("true") || open.equals("false")) {
                openOnly = Boolean.valueOf(open);
            } else {
                violations.add("open", "must be true or false");
            }
        }
        LocalDate monday = week == null ? null : week(violations, "week", week);
        violations.throwIfAny("The action item query is invalid");
        Instant from = monday == null ? null : monday.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = monday == null ? null : monday.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return reviews.findItems(new ReviewRepository.ItemQuery(visibleTeams(caller), team, openOnly, from, to, limit));
    }

    /** Every open item the caller may read, of one team when given, due first: listed until done, whatever the week. */
    @Transactional(readOnly = true)
    public List<ActionItem> open(String team) {
        return items(team, "true", null, MAX_LIMIT);
    }

    /** The items added in the week of {@code week} (UTC), open or done. */
    @Transactional(readOnly = true)
    public List<ActionItem> forWeek(LocalDate week) {
        return items(null, null, week.toString(), MAX_LIMIT);
    }

    /** Whether the current caller may record reviews and action items for the team: for views to offer only what works. */
    public boolean mayReview(String team) {
        Caller caller = callers.get();
        return caller.has(Scope.REVIEW) && caller.mayActOn(team);
    }

    /**
     * Checks the team and service a review or item is about: both identifiers, the caller's right
     * to review the team (refused before anything is said about what exists), the team in the
     * catalog, the service one of its own. Answers whether the team is valid and exists.
     */
    private boolean checkPlace(Caller caller, Violations violations, String team, String service) {
        boolean validTeam = violations.identifier("/team", team);
        boolean validService = service == null || violations.identifier("/service", service);
        if (!validTeam) {
            return false;
        }
        caller.require(Scope.REVIEW, team);
        if (teams.existing(Set.of(team)).isEmpty()) {
            violations.add("/team", "team '" + team + "' is not in the catalog");
            return false;
        }
        if (service != null && validService) {
            Optional<ServiceDefinition> found = services.find(service);
            if (found.isEmpty()) {
                violations.add("/service", "service '" + service + "' is not in the catalog");
            } else if (!team.equals(found.get().team())) {
                violations.add("/service", "service '" + service + "' is not a service of team '" + team + "'");
            }
        }
        return true;
    }

    private static void checkFilter(Caller caller, Violations violations, String team, int limit) {
        caller.require(Scope.READ);
        if (team != null && violations.identifier("team", team)) {
            caller.requireRead(team);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add("limit", "must be from 1 to " + MAX_LIMIT);
        }
    }

    private static Collection<String> visibleTeams(Caller caller) {
        return caller.readsAnyTeam() ? null : caller.teams();
    }

    private static LocalDate week(Violations violations, String pointer, String text) {
        LocalDate day = date(text);
        if (day == null) {
            violations.add(pointer, "must be " + WEEK_DESCRIPTION);
            return null;
        }
        return OperationalReview.weekOf(day);
    }

    private static LocalDate date(String text) {
        return ApiTime.parseDate(text).orElse(null);
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static String describe(OperationalReview review) {
        return "team=" + review.team() + (review.service() == null ? "" : " service=" + review.service())
                + " week=" + review.week() + " reviewer=" + review.reviewer();
    }

    private static String describe(ActionItem item) {
        return "team=" + item.team() + (item.service() == null ? "" : " service=" + item.service()) + " title="
                + item.title() + " owner=" + item.owner() + " due=" + item.due();
    }
}
