package dev.tollgate.goals;

import static dev.tollgate.db.Tables.GOAL;
import static dev.tollgate.db.Tables.TEAM;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.tollgate.db.tables.records.GoalRecord;

@Repository
class GoalRepository {

    private final DSLContext db;

    GoalRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Whether a team exists. Read from the catalog's table rather than asked of the catalog: the
     * catalog will apply goals from its document, and a dependency both ways would be a cycle.
     */
    Set<String> existingTeams(Collection<String> teams) {
        if (teams.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(db.select(TEAM.ID).from(TEAM).where(TEAM.ID.in(teams)).fetch(TEAM.ID));
    }

    /** Goals in team and id order; {@code teams} limits them to some teams when not null. */
    List<Goal> find(Collection<String> teams) {
        Condition condition = teams == null ? DSL.noCondition() : GOAL.TEAM_ID.in(teams);
        return db.selectFrom(GOAL).where(condition).orderBy(GOAL.TEAM_ID, GOAL.ID).fetch(GoalRepository::toGoal);
    }

    Optional<Goal> find(String team, String id) {
        return db.selectFrom(GOAL).where(GOAL.TEAM_ID.eq(team), GOAL.ID.eq(id)).fetchOptional(GoalRepository::toGoal);
    }

    void insert(Collection<Goal> goals) {
        if (goals.isEmpty()) {
            return;
        }
        var insert = db.insertInto(GOAL, GOAL.TEAM_ID, GOAL.ID, GOAL.CATEGORY, GOAL.TITLE, GOAL.TARGET,
                GOAL.CURRENT_VALUE, GOAL.UNIT, GOAL.DUE, GOAL.CREATED_AT, GOAL.UPDATED_AT);
        for (Goal goal : goals) {
            insert = insert.values(goal.team(), goal.id(), goal.category().name(), goal.title(), goal.target(),
                    goal.current(), goal.unit(), goal.due(), goal.createdAt(), goal.updatedAt());
        }
        insert.execute();
    }

    void update(Collection<Goal> goals) {
        if (goals.isEmpty()) {
            return;
        }
        db.batch(goals.stream().map(goal -> db.update(GOAL)
                        .set(GOAL.CATEGORY, goal.category().name())
                        .set(GOAL.TITLE, goal.title())
                        .set(GOAL.TARGET, goal.target())
                        .set(GOAL.CURRENT_VALUE, goal.current())
                        .set(GOAL.UNIT, goal.unit())
                        .set(GOAL.DUE, goal.due())
                        .set(GOAL.UPDATED_AT, goal.updatedAt())
                        .where(GOAL.TEAM_ID.eq(goal.team()), GOAL.ID.eq(goal.id())))
                .toList()).execute();
    }

    boolean delete(String team, String id) {
        return db.deleteFrom(GOAL).where(GOAL.TEAM_ID.eq(team), GOAL.ID.eq(id)).execute() > 0;
    }

    private static Goal toGoal(GoalRecord r) {
        return new Goal(r.getTeamId(), r.getId(), GoalCategory.valueOf(r.getCategory()), r.getTitle(), r.getTarget(),
                r.getCurrentValue(), r.getUnit(), r.getDue(), r.getCreatedAt(), r.getUpdatedAt());
    }
}
