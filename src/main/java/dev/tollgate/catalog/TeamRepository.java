package dev.tollgate.catalog;

import static dev.tollgate.db.Tables.TEAM;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.tollgate.db.tables.records.TeamRecord;

@Repository
class TeamRepository {

    private final DSLContext db;

    TeamRepository(DSLContext db) {
        this.db = db;
    }

    /** Teams in name order; {@code only} limits them to some ids when it is not null. */
    List<Team> find(Collection<String> only, int offset, int limit) {
        return db.selectFrom(TEAM).where(within(only))
                .orderBy(TEAM.NAME, TEAM.ID).offset(offset).limit(limit)
                .fetch(TeamRepository::toTeam);
    }

    int count(Collection<String> only) {
        return db.fetchCount(TEAM, within(only));
    }

    Optional<Team> find(String id) {
        return db.selectFrom(TEAM).where(TEAM.ID.eq(id)).fetchOptional(TeamRepository::toTeam);
    }

    boolean exists(String id) {
        return db.fetchExists(TEAM, TEAM.ID.eq(id));
    }

    void insert(Team team) {
        db.insertInto(TEAM)
                .set(TEAM.ID, team.id())
                .set(TEAM.NAME, team.name())
                .set(TEAM.DESCRIPTION, team.description())
                .set(TEAM.CREATED_AT, team.createdAt())
                .set(TEAM.UPDATED_AT, team.updatedAt())
                .execute();
    }

    void update(Team team) {
        db.update(TEAM)
                .set(TEAM.NAME, team.name())
                .set(TEAM.DESCRIPTION, team.description())
                .set(TEAM.UPDATED_AT, team.updatedAt())
                .where(TEAM.ID.eq(team.id()))
                .execute();
    }

    void delete(String id) {
        db.deleteFrom(TEAM).where(TEAM.ID.eq(id)).execute();
    }

    private static Condition within(Collection<String> only) {
        return only == null ? DSL.noCondition() : TEAM.ID.in(only);
    }

    private static Team toTeam(TeamRecord r) {
        return new Team(r.getId(), r.getName(), r.getDescription(), r.getCreatedAt(), r.getUpdatedAt());
    }
}
