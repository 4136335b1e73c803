package dev.tollgate.goals;

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

import dev.tollgate.testing.RepositoryContract;

/**
 * The goal repository against a real database, migrated by db/migration: on H2
 * ({@link GoalRepositoriesOnH2IT}) and on PostgreSQL ({@link GoalRepositoriesOnPostgresIT}).
 * Each test runs in a transaction that is rolled back.
 */
abstract class GoalRepositoriesContract extends RepositoryContract {

    /** Microseconds: the precision both databases keep. */
    private static final Instant CREATED = Instant.parse("2026-11-26T10:00:00.123456Z");
    private static final Instant UPDATED = Instant.parse("2026-11-26T11:30:00.654321Z");

    private GoalRepository goals;

    @Override
    protected void connect(DSLContext db) {
        goals = new GoalRepository(db);
    }

    @Override
    protected void seed(DSLContext db) {
        for (String team : List.of("payments", "search")) {
            db.insertInto(TEAM, TEAM.ID, TEAM.NAME, TEAM.CREATED_AT, TEAM.UPDATED_AT)
                    .values(team, team, CREATED, CREATED).execute();
        }
    }

    private static Goal goal(String team, String id) {
        return new Goal(team, id, GoalCategory.USE_CASES, "Goal " + id, 10, 2.5, null, null, CREATED, CREATED);
    }

    @Test
    void a_goal_reads_back_as_written() {
        Goal goal = new Goal("payments", "refunds", GoalCategory.FEATURES, "Ship one-click refunds", 12, 4.25, "features",
                LocalDate.of(2026, 12, 31), CREATED, UPDATED);

        goals.insert(List.of(goal));

        assertThat(goals.find("payments", "refunds")).contains(goal);
        assertThat(goals.find("search", "refunds")).isEmpty();
    }

    @Test
    void goals_are_listed_by_team_then_id_and_limited_to_some_teams() {
        goals.insert(List.of(goal("search", "b"), goal("payments", "c"), goal("payments", "a"), goal("search", "a")));

        assertThat(goals.find((List<String>) null)).extracting(g -> g.team() + "/" + g.id())
                .containsExactly("payments/a", "payments/c", "search/a", "search/b");
        assertThat(goals.find(List.of("search"))).extracting(Goal::id).containsExactly("a", "b");
        assertThat(goals.find(List.of())).isEmpty();
    }

    @Test
    void updating_goals_keeps_when_they_were_created() {
        goals.insert(List.of(goal("payments", "a"), goal("payments", "b")));
        Goal a = new Goal("payments", "a", GoalCategory.PERFORMANCE, "Faster", 300, 340, "ms", LocalDate.of(2027, 1, 1),
                Instant.EPOCH, UPDATED);
        Goal b = new Goal("payments", "b", GoalCategory.FEATURES, "More", 1, 1, null, null, Instant.EPOCH, UPDATED);

        goals.update(List.of(a, b));

        assertThat(goals.find(List.of("payments"))).containsExactly(
                new Goal("payments", "a", GoalCategory.PERFORMANCE, "Faster", 300, 340, "ms", LocalDate.of(2027, 1, 1),
                        CREATED, UPDATED),
                new Goal("payments", "b", GoalCategory.FEATURES, "More", 1, 1, null, null, CREATED, UPDATED));
    }

    @Test
    void a_deleted_goal_is_gone() {
        goals.insert(List.of(goal("payments", "a")));

        assertThat(goals.delete("payments", "a")).isTrue();
        assertThat(goals.delete("payments", "a")).isFalse();
        assertThat(goals.find("payments", "a")).isEmpty();
    }

    @Test
    void a_goal_id_is_unique_within_its_team_only() {
        goals.insert(List.of(goal("payments", "a"), goal("search", "a")));

        assertThatThrownBy(() -> goals.insert(List.of(goal("payments", "a")))).isInstanceOf(DataAccessException.class);
    }

    @Test
    void the_database_refuses_a_goal_of_a_team_that_does_not_exist() {
        assertThatThrownBy(() -> goals.insert(List.of(goal("nobody", "a")))).isInstanceOf(DataAccessException.class);
    }

    @Test
    void deleting_a_team_deletes_its_goals() {
        goals.insert(List.of(goal("search", "a")));
        dsl().deleteFrom(TEAM).where(TEAM.ID.eq("search")).execute();

        assertThat(goals.find(List.of("search"))).isEmpty();
    }

    @Test
    void says_which_teams_exist() {
        assertThat(goals.existingTeams(Set.of("payments", "nobody", "search"))).containsExactlyInAnyOrder("payments", "search");
        assertThat(goals.existingTeams(Set.of())).isEmpty();
    }

    @Test
    void keeps_the_longest_title_and_unit_and_numbers_exactly() {
        Goal goal = new Goal("payments", "long", GoalCategory.FEATURES, "t".repeat(Goal.MAX_TITLE_LENGTH), -1.5e300,
                Double.MIN_VALUE, "u".repeat(Goal.MAX_UNIT_LENGTH), null, CREATED, CREATED);

        goals.insert(List.of(goal));

        assertThat(goals.find("payments", "long")).contains(goal);
    }
}
