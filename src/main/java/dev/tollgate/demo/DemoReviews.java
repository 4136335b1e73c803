package dev.tollgate.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import dev.tollgate.review.ActionItem;
import dev.tollgate.review.ActionItemDraft;
import dev.tollgate.review.OperationalReview;
import dev.tollgate.review.OperationalReviews;
import dev.tollgate.review.ReviewDraft;

/**
 * The operational reviews of the month: every Wednesday afternoon one or two services of each team
 * were reviewed (each review counts toward the team's {@code principal_reviews}, as a review
 * recorded in the view does), and the action items they raised, some done, some still open and
 * one of those overdue. Recorded through {@link OperationalReviews}, as the system.
 */
@Component
@ConditionalOnBooleanProperty("tollgate.demo.enabled")
class DemoReviews {

    static final String REVIEWER = "user:principal";

    private static final List<String> NOTES = List.of(
            "Error rate back to baseline after last week's incident; the alarm fired eight minutes late.",
            "p99 latency creeps up every evening at peak: connection pool too small? Looked at the last deploys.",
            "Quiet week. Walked through the dashboards and the on-call handover; nothing to add.",
            "Two rollbacks this week, both caught in gamma by the bake time. Tests for the retry path are thin.",
            "Availability fine, but throttles doubled after the promotion campaign. Capacity plan is out of date.",
            "Deployment frequency dropped: the pipeline waited on a flaky integration suite most of Tuesday.");

    /** An action item of the demo: its team and service, what, who, due in days from today, whether done. */
    private record DemoItem(String team, String service, String title, String owner, int dueInDays, boolean done) {
    }

    private static final List<DemoItem> ITEMS = List.of(
            new DemoItem("payments", "payment-gateway", "Alarm on p99 latency of card authorisation above 800 ms",
                    "Jonas Weber", -3, false),
            new DemoItem("payments", "ledger", "Dashboard of the reconciliation lag", "Mei Chen", 2, false),
            new DemoItem("checkout", "cart", "Runbook for failing over the cart session store", "Amira Haddad", 5, false),
            new DemoItem("search", "search-api", "Load test ranking at twice the peak traffic", "Kenji Sato", 12, false),
            new DemoItem("identity", "auth", "Rotate the token signing keys automatically", "Sofia Rossi", 20, false),
            new DemoItem("fulfilment", "shipping", "Retry carrier label requests with backoff", "Lars Nilsson", -10, true),
            new DemoItem("catalog", "media-store", "Move image resizing off the request path", "Chloé Martin", -4, true));

    private final OperationalReviews reviews;
    private final Clock clock;

    DemoReviews(OperationalReviews reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    /** Records the reviews and items; answers how many reviews. Call as the system. */
    int seed(List<DemoCatalog.DemoTeam> teams) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        SplittableRandom random = new SplittableRandom(29);
        Map<String, OperationalReview> latest = new HashMap<>();
        int recorded = 0;
        for (LocalDate day = today.minusDays(DemoMetrics.HISTORY.toDays()); !day.isAfter(today); day = day.plusDays(1)) {
            Instant afternoon = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(15));
            if (day.getDayOfWeek() != DayOfWeek.WEDNESDAY || afternoon.isAfter(now)) {
                continue;
            }
            for (DemoCatalog.DemoTeam team : teams) {
                int count = 1 + random.nextInt(2);
                for (int i = 0; i < count; i++) {
                    DemoCatalog.DemoService service = team.services().get(random.nextInt(team.services().size()));
                    OperationalReview review = reviews.recordAsOf(new ReviewDraft(team.id(), service.id(),
                            NOTES.get(random.nextInt(NOTES.size())), day.toString()), afternoon.plusSeconds(600L * i),
                            REVIEWER);
                    latest.put(team.id(), review);
                    recorded++;
                }
            }
        }
        for (DemoItem demo : ITEMS) {
            OperationalReview review = latest.get(demo.team());
            ActionItem item = reviews.add(new ActionItemDraft(demo.team(), demo.service(),
                    review == null ? null : review.id(), demo.title(), demo.owner(),
                    today.plusDays(demo.dueInDays()).toString()));
            if (demo.done()) {
                reviews.complete(item.id());
            }
        }
        return recorded;
    }
}
