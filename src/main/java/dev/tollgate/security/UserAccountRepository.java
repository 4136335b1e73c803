package dev.tollgate.security;

import static dev.tollgate.db.Tables.APP_USER;
import static dev.tollgate.db.Tables.APP_USER_TEAM;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.springframework.stereotype.Repository;

@Repository
class UserAccountRepository {

    private final DSLContext db;
    private final Field<Result<org.jooq.Record1<String>>> teams =
            multiset(select(APP_USER_TEAM.TEAM_ID).from(APP_USER_TEAM).where(APP_USER_TEAM.USERNAME.eq(APP_USER.USERNAME))
                    .orderBy(APP_USER_TEAM.TEAM_ID)).as("teams");

    UserAccountRepository(DSLContext db) {
        this.db = db;
    }

    List<UserAccount> find(int offset, int limit) {
        return db.select(APP_USER.asterisk(), teams).from(APP_USER)
                .orderBy(APP_USER.USERNAME).offset(offset).limit(limit)
                .fetch(this::toAccount);
    }

    int count() {
        return db.fetchCount(APP_USER);
    }

    int countAdmins() {
        return db.fetchCount(APP_USER, APP_USER.ROLE.eq(Role.ADMIN.name()));
    }

    Optional<UserAccount> find(String username) {
        return db.select(APP_USER.asterisk(), teams).from(APP_USER).where(APP_USER.USERNAME.eq(username))
                .fetchOptional(this::toAccount);
    }

    Optional<TollgateUser> findForLogin(String username) {
        return db.select(APP_USER.asterisk(), teams).from(APP_USER).where(APP_USER.USERNAME.eq(username))
                .fetchOptional(r -> new TollgateUser(r.get(APP_USER.USERNAME), r.get(APP_USER.DISPLAY_NAME),
                        r.get(APP_USER.PASSWORD_HASH), Role.valueOf(r.get(APP_USER.ROLE)), teamsOf(r)));
    }

    void insert(UserAccount account, String passwordHash) {
        db.insertInto(APP_USER)
                .set(APP_USER.USERNAME, account.username())
                .set(APP_USER.DISPLAY_NAME, account.displayName())
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.ROLE, account.role().name())
                .set(APP_USER.CREATED_AT, account.createdAt())
                .set(APP_USER.UPDATED_AT, account.updatedAt())
                .execute();
        replaceTeams(account.username(), account.teams());
    }

    void update(UserAccount account) {
        db.update(APP_USER)
                .set(APP_USER.DISPLAY_NAME, account.displayName())
                .set(APP_USER.ROLE, account.role().name())
                .set(APP_USER.UPDATED_AT, account.updatedAt())
                .where(APP_USER.USERNAME.eq(account.username()))
                .execute();
        replaceTeams(account.username(), account.teams());
    }

    void updatePassword(String username, String passwordHash, Instant at) {
        db.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.UPDATED_AT, at)
                .where(APP_USER.USERNAME.eq(username))
                .execute();
    }

    boolean delete(String username) {
        return db.deleteFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).execute() == 1;
    }

    private void replaceTeams(String username, Set<String> teamIds) {
        db.deleteFrom(APP_USER_TEAM).where(APP_USER_TEAM.USERNAME.eq(username)).execute();
        if (!teamIds.isEmpty()) {
            var insert = db.insertInto(APP_USER_TEAM, APP_USER_TEAM.USERNAME, APP_USER_TEAM.TEAM_ID);
            for (String team : teamIds) {
                insert = insert.values(username, team);
            }
            insert.execute();
        }
    }

    private UserAccount toAccount(Record r) {
        return new UserAccount(r.get(APP_USER.USERNAME), r.get(APP_USER.DISPLAY_NAME), Role.valueOf(r.get(APP_USER.ROLE)),
                teamsOf(r), r.get(APP_USER.CREATED_AT), r.get(APP_USER.UPDATED_AT));
    }

    private Set<String> teamsOf(Record r) {
        Set<String> result = new HashSet<>();
        r.get(teams).forEach(team -> result.add(team.value1()));
        return result;
    }
}
