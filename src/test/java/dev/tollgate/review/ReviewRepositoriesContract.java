package dev.tollgate.review;

import static dev.tollgate.db.Tables.SERVICE;
import static dev.tollgate.db.Tables.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

import dev.tollgate.api.GeneratedIds;
import dev.tollgate.testing.RepositoryContract;

/**
 * The review repository against a real database, migrated by db/migration: on H2
 * ({@link ReviewRepositoriesOnH2IT}) and on PostgreSQL ({@link ReviewRepositoriesOnPostgresIT}).
 * Each test runs in a transaction that is rolled back.
 */
abstract class ReviewRepositoriesContract extends RepositoryContract {

    /** Microseconds: the precision both databases keep. */
    private static final Instant T0 = Instant.parse("2026-11-25T15:00:00.123456Z");
    private static final LocalDate WEEK = LocalDate.of(2026, 11, 23);
    private static final ReviewRepository.ItemQuery ALL = new ReviewRepository.ItemQuery(null, null, null, null, null, 100);

    private ReviewRepository repository;

    @Override
    protected void connect(DSLContext db) {
        repository = new ReviewRepository(db);
    }

    @Override
    protected void seed(DSLContext db) {
        for (String team : List.of("payments", "search")) {
            db.insertInto(TEAM, TEAM.ID, TEAM.NAME, TEAM.CREATED_AT, TEAM.UPDATED_AT).values(team, team, T0, T0).execute();
        }
        db.insertInto(SERVICE, SERVICE.ID, SERVICE.TEAM_ID, SERVICE.NAME, SERVICE.CREATED_AT, SERVICE.UPDATED_AT)
                .values("ledger", "payments", "Ledger", T0, T0).values("search-api", "search", "Search API", T0, T0)
                .execute();
    }

    private static OperationalReview review(String team, String service, LocalDate week, Instant at) {
        return new OperationalReview(GeneratedIds.next(), team, service, week, at, "user:priya", "Notes of " + team);
    }

    private static ActionItem item(String team, String service, String review, LocalDate due, Instant createdAt) {
        return new ActionItem(GeneratedIds.next(), team, service, review, "Fix " + due, "Jonas Weber", due, createdAt,
                "user:priya", null, null);
    }

    @Test
    void a_review_reads_back_as_written() {
        OperationalReview review = review("payments", "ledger", WEEK, T0);
        OperationalReview teamWide = review("search", null, WEEK, T0);

        repository.insert(review);
        repository.insert(teamWide);

        assertThat(repository.findReview(review.id())).contains(review);
        assertThat(repository.findReview(teamWide.id())).contains(teamWide);
        assertThat(repository.findReview(GeneratedIds.next())).isEmpty();
    }

    @Test
    void ids_of_another_shape_are_not_looked_up() {
        OperationalReview review = review("payments", null, WEEK, T0);
        repository.insert(review);
        ActionItem item = item("payments", null, null, WEEK, T0);
        repository.insert(item);

        assertThat(repository.findReview(review.id() + "x")).isEmpty();
        assertThat(repository.findReview(review.id().substring(0, 8))).isEmpty();
        assertThat(repository.findReview(null)).isEmpty();
        assertThat(repository.findItem(item.id() + "-more")).isEmpty();
    }

    @Test
    void reviews_are_listed_newest_first_and_narrowed_by_teams_team_and_week() {
        OperationalReview older = review("payments", null, WEEK.minusWeeks(1), T0.minusSeconds(7 * 86_400));
        OperationalReview newer = review("payments", "ledger", WEEK, T0);
        OperationalReview other = review("search", null, WEEK, T0.minusSeconds(60));
        List.of(older, newer, other).forEach(repository::insert);

        assertThat(repository.findReviews(null, null, null, 100)).containsExactly(newer, other, older);
        assertThat(repository.findReviews(Set.of("search"), null, null, 100)).containsExactly(other);
        assertThat(repository.findReviews(Set.of("search"), "payments", null, 100)).isEmpty();
        assertThat(repository.findReviews(null, "payments", null, 100)).containsExactly(newer, older);
        assertThat(repository.findReviews(null, null, WEEK, 100)).containsExactly(newer, other);
        assertThat(repository.findReviews(null, null, null, 1)).containsExactly(newer);
        assertThat(repository.findReviews(Set.of(), null, null, 100)).isEmpty();
    }

    @Test
    void an_item_reads_back_as_written_and_is_done_once() {
        OperationalReview review = review("payments", "ledger", WEEK, T0);
        repository.insert(review);
        ActionItem item = item("payments", "ledger", review.id(), LocalDate.of(2026, 12, 4), T0);
        repository.insert(item);

        assertThat(repository.findItem(item.id())).contains(item);
        assertThat(repository.markDone(item.id(), T0.plusSeconds(60), "user:lena")).isTrue();
        assertThat(repository.markDone(item.id(), T0.plusSeconds(120), "user:other")).isFalse();

        assertThat(repository.findItem(item.id())).contains(new ActionItem(item.id(), "payments", "ledger", review.id(),
                item.title(), item.owner(), item.due(), T0, "user:priya", T0.plusSeconds(60), "user:lena"));
    }

    @Test
    void items_are_listed_due_first_and_narrowed_by_team_state_and_when_they_were_added() {
        ActionItem later = item("payments", null, null, WEEK.plusDays(10), T0);
        ActionItem sooner = item("payments", null, null, WEEK.plusDays(2), T0.plusSeconds(1));
        ActionItem lastWeeks = item("search", "search-api", null, WEEK.plusDays(5), T0.minusSeconds(7 * 86_400));
        ActionItem done = item("search", null, null, WEEK.minusDays(3), T0);
        List.of(later, sooner, lastWeeks, done).forEach(repository::insert);
        repository.markDone(done.id(), T0, "user:priya");
        ActionItem doneNow = repository.findItem(done.id()).orElseThrow();

        assertThat(repository.findItems(ALL)).containsExactly(doneNow, sooner, lastWeeks, later);
        assertThat(repository.findItems(new ReviewRepository.ItemQuery(null, null, true, null, null, 100)))
                .containsExactly(sooner, lastWeeks, later);
        assertThat(repository.findItems(new ReviewRepository.ItemQuery(null, null, false, null, null, 100)))
                .containsExactly(doneNow);
        assertThat(repository.findItems(new ReviewRepository.ItemQuery(Set.of("search"), null, true, null, null, 100)))
                .containsExactly(lastWeeks);
        assertThat(repository.findItems(new ReviewRepository.ItemQuery(null, "payments", null, null, null, 100)))
                .containsExactly(sooner, later);
        assertThat(repository.findItems(new ReviewRepository.ItemQuery(null, null, null, T0, T0.plusSeconds(1), 100)))
                .as("added in [from, to)").containsExactly(doneNow, later);
        assertThat(repository.findItems(new ReviewRepository.ItemQuery(null, null, null, null, null, 2)))
                .containsExactly(doneNow, sooner);
    }

    @Test
    void an_item_outlives_the_review_it_came_from() {
        OperationalReview review = review("payments", null, WEEK, T0);
        repository.insert(review);
        ActionItem item = item("payments", null, review.id(), WEEK, T0);
        repository.insert(item);

        assertThat(repository.deleteReview(review.id())).isTrue();

        assertThat(repository.findItem(item.id())).hasValueSatisfying(kept -> assertThat(kept.review()).isNull());
    }

    @Test
    void deleting_a_service_deletes_its_reviews_and_items_and_deleting_a_team_the_rest() {
        OperationalReview ofService = review("payments", "ledger", WEEK, T0);
        OperationalReview ofTeam = review("payments", null, WEEK, T0);
        repository.insert(ofService);
        repository.insert(ofTeam);
        ActionItem serviceItem = item("payments", "ledger", null, WEEK, T0);
        ActionItem teamItem = item("payments", null, ofService.id(), WEEK, T0);
        repository.insert(serviceItem);
        repository.insert(teamItem);

        dsl().deleteFrom(SERVICE).where(SERVICE.ID.eq("ledger")).execute();

        assertThat(repository.findReview(ofService.id())).isEmpty();
        assertThat(repository.findItem(serviceItem.id())).isEmpty();
        assertThat(repository.findReviews(null, "payments", null, 100)).containsExactly(ofTeam);
        assertThat(repository.findItem(teamItem.id())).hasValueSatisfying(kept -> assertThat(kept.review()).isNull());

        dsl().deleteFrom(TEAM).where(TEAM.ID.eq("payments")).execute();

        assertThat(repository.findReviews(null, null, null, 100)).isEmpty();
        assertThat(repository.findItems(ALL)).isEmpty();
    }

    @Test
    void the_database_refuses_reviews_and_items_of_teams_services_or_reviews_that_do_not_exist() {
        assertThatThrownBy(() -> repository.insert(review("nobody", null, WEEK, T0))).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> repository.insert(review("payments", "nothing", WEEK, T0)))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> repository.insert(item("payments", null, GeneratedIds.next(), WEEK, T0)))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void keeps_the_longest_notes_title_and_owner() {
        OperationalReview review = new OperationalReview(GeneratedIds.next(), "payments", null, WEEK, T0,
                "r".repeat(OperationalReview.MAX_REVIEWER_LENGTH), "n".repeat(OperationalReview.MAX_NOTES_LENGTH));
        ActionItem item = new ActionItem(GeneratedIds.next(), "payments", null, null,
                "t".repeat(ActionItem.MAX_TITLE_LENGTH), "ö".repeat(ActionItem.MAX_OWNER_LENGTH), WEEK, T0, "user:priya",
                null, null);

        repository.insert(review);
        repository.insert(item);

        assertThat(repository.findReview(review.id())).contains(review);
        assertThat(repository.findItem(item.id())).contains(item);
    }
}
