package dev.tollgate.security;

import static dev.tollgate.db.Tables.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.testing.RepositoryContract;

/**
 * Tokens, users and the audit log against a real database, migrated by db/migration. Written
 * once, run on H2 ({@link SecurityRepositoriesOnH2IT}) and PostgreSQL
 * ({@link SecurityRepositoriesOnPostgresIT}). Each test runs in a transaction that is rolled back.
 */
abstract class SecurityRepositoriesContract extends RepositoryContract {

    /** Microseconds: the precision both databases keep. */
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00.123456Z");

    private ApiTokenRepository tokens;
    private UserAccountRepository users;
    private AuditEventRepository events;
    private final CurrentCaller callers = new CurrentCaller(SecurityContextHolder.getContextHolderStrategy());

    @Override
    protected void connect(DSLContext db) {
        tokens = new ApiTokenRepository(db);
        users = new UserAccountRepository(db);
        events = new AuditEventRepository(db);
    }

    private void team(String id) {
        dsl().insertInto(TEAM).set(TEAM.ID, id).set(TEAM.NAME, "Team " + id)
                .set(TEAM.CREATED_AT, T0).set(TEAM.UPDATED_AT, T0).execute();
    }

    private ApiToken token(String id, String team, Instant createdAt, Scope... scopes) {
        ApiToken token = new ApiToken(id, "token " + id, EnumSet.copyOf(Set.of(scopes)), team, "token:admin (a)",
                createdAt, null, null);
        tokens.insert(token, TokenSecrets.hash("secret of " + id));
        return token;
    }

    private UserAccount user(String username, Role role, String... teams) {
        UserAccount account = new UserAccount(username, "User " + username, role, Set.of(teams), T0, T0);
        users.insert(account, "{noop}password of " + username);
        return account;
    }

    private AuditEvent event(Instant at, String actor, String targetType, String targetId) {
        AuditEvent event = new AuditEvent(0, at, actor, "THING_DONE", targetType, targetId, "detail");
        events.insert(event);
        return event;
    }

    // API tokens.

    @Test
    void a_token_is_found_by_the_hash_of_its_secret_and_reads_back_as_written() {
        team("payments");
        ApiToken token = new ApiToken("t1", "ci pipeline", EnumSet.of(Scope.INGEST, Scope.GATE), "payments",
                "token:admin (a)", T0, T0.plusSeconds(3600), null);
        tokens.insert(token, TokenSecrets.hash("tg_secret"));

        ApiTokenRepository.StoredToken stored = tokens.findByHash(TokenSecrets.hash("tg_secret")).orElseThrow();

        assertThat(stored.token()).isEqualTo(token);
        assertThat(stored.hash()).isEqualTo(TokenSecrets.hash("tg_secret"));
        assertThat(stored.revokedAt()).isNull();
        assertThat(tokens.findByHash(TokenSecrets.hash("tg_other"))).isEmpty();
    }

    @Test
    void every_scope_combination_round_trips() {
        token("all", null, T0, Scope.values());
        token("one", null, T0, Scope.OVERRIDE);

        assertThat(tokens.findActive("all", null)).map(ApiToken::scopes).contains(EnumSet.allOf(Scope.class));
        assertThat(tokens.findActive("one", null)).map(ApiToken::scopes).contains(EnumSet.of(Scope.OVERRIDE));
    }

    @Test
    void active_tokens_are_listed_newest_first_and_a_team_sees_only_its_own() {
        team("payments");
        team("search");
        token("old", null, T0, Scope.ADMIN);
        token("new", "payments", T0.plusSeconds(60), Scope.READ);
        token("other", "search", T0.plusSeconds(30), Scope.READ);

        assertThat(tokens.findActive(null)).extracting(ApiToken::id).containsExactly("new", "other", "old");
        assertThat(tokens.findActive("payments")).extracting(ApiToken::id).containsExactly("new");
        assertThat(tokens.findActive("other", "payments")).isEmpty();
        assertThat(tokens.findActive("other", null)).isPresent();
    }

    @Test
    void a_revoked_token_is_no_longer_active_but_is_still_known_as_revoked() {
        token("t1", null, T0, Scope.READ);

        assertThat(tokens.revoke("t1", T0.plusSeconds(5))).isTrue();
        assertThat(tokens.revoke("t1", T0.plusSeconds(9))).as("revoking twice").isFalse();

        assertThat(tokens.findActive(null)).isEmpty();
        assertThat(tokens.findByHash(TokenSecrets.hash("secret of t1")))
                .map(ApiTokenRepository.StoredToken::revokedAt).contains(T0.plusSeconds(5));
        assertThat(tokens.revoke("nobody", T0)).isFalse();
    }

    @Test
    void only_earlier_bootstrap_tokens_are_revoked_when_the_bootstrap_secret_changes() {
        ApiToken current = new ApiToken("current", "bootstrap", EnumSet.of(Scope.ADMIN), null,
                ApiTokens.BOOTSTRAP_CREATOR, T0, null, null);
        ApiToken earlier = new ApiToken("earlier", "bootstrap", EnumSet.of(Scope.ADMIN), null,
                ApiTokens.BOOTSTRAP_CREATOR, T0, null, null);
        tokens.insert(current, TokenSecrets.hash("current secret"));
        tokens.insert(earlier, TokenSecrets.hash("earlier secret"));
        token("ordinary", null, T0, Scope.ADMIN);

        assertThat(tokens.revokeBootstrapTokensExcept(TokenSecrets.hash("current secret"), T0)).isEqualTo(1);

        assertThat(tokens.findActive(null)).extracting(ApiToken::id).containsExactlyInAnyOrder("current", "ordinary");
    }

    @Test
    void touching_a_token_records_when_it_was_last_used() {
        token("t1", null, T0, Scope.READ);

        tokens.touch("t1", T0.plusSeconds(42));

        assertThat(tokens.findActive("t1", null)).map(ApiToken::lastUsedAt).contains(T0.plusSeconds(42));
    }

    @Test
    void the_database_refuses_two_tokens_with_one_hash() {
        tokens.insert(new ApiToken("a", "a", EnumSet.of(Scope.READ), null, "x", T0, null, null), TokenSecrets.hash("same"));

        assertThatThrownBy(() -> tokens.insert(new ApiToken("b", "b", EnumSet.of(Scope.READ), null, "x", T0, null, null),
                TokenSecrets.hash("same"))).isInstanceOf(DataAccessException.class);
    }

    @Test
    void the_database_refuses_a_token_bound_to_a_team_that_does_not_exist() {
        assertThatThrownBy(() -> token("t1", "nobody", T0, Scope.READ)).isInstanceOf(DataAccessException.class);
    }

    @Test
    void deleting_a_team_deletes_the_tokens_bound_to_it() {
        team("payments");
        token("bound", "payments", T0, Scope.READ);
        token("free", null, T0, Scope.READ);

        dsl().deleteFrom(TEAM).where(TEAM.ID.eq("payments")).execute();

        assertThat(tokens.findActive(null)).extracting(ApiToken::id).containsExactly("free");
        assertThat(tokens.findByHash(TokenSecrets.hash("secret of bound"))).isEmpty();
    }

    // UI users.

    @Test
    void a_user_reads_back_with_the_teams_they_lead() {
        team("payments");
        team("search");
        UserAccount lead = user("lena", Role.TEAM_LEAD, "payments", "search");

        assertThat(users.find("lena")).contains(lead);
        assertThat(users.findForLogin("lena")).get().satisfies(login -> {
            assertThat(login.passwordHash()).isEqualTo("{noop}password of lena");
            assertThat(login.role()).isEqualTo(Role.TEAM_LEAD);
            assertThat(login.ledTeams()).containsExactlyInAnyOrder("payments", "search");
        });
        assertThat(users.find("nobody")).isEmpty();
        assertThat(users.findForLogin("nobody")).isEmpty();
    }

    @Test
    void users_are_listed_by_name_each_with_their_own_teams() {
        team("payments");
        team("search");
        user("zoe", Role.TEAM_LEAD, "search");
        user("adam", Role.ADMIN);
        user("lena", Role.TEAM_LEAD, "payments", "search");

        List<UserAccount> listed = users.find(0, 10);

        assertThat(listed).extracting(UserAccount::username).containsExactly("adam", "lena", "zoe");
        assertThat(listed).extracting(UserAccount::teams)
                .containsExactly(Set.of(), Set.of("payments", "search"), Set.of("search"));
        assertThat(users.find(1, 1)).extracting(UserAccount::username).containsExactly("lena");
        assertThat(users.count()).isEqualTo(3);
        assertThat(users.countAdmins()).isEqualTo(1);
    }

    @Test
    void updating_a_user_replaces_role_name_and_teams() {
        team("payments");
        team("search");
        user("lena", Role.TEAM_LEAD, "payments");

        users.update(new UserAccount("lena", "Lena L.", Role.TEAM_LEAD, Set.of("search"), Instant.EPOCH,
                T0.plusSeconds(1)));
        users.updatePassword("lena", "{noop}new password", T0.plusSeconds(2));

        assertThat(users.find("lena"))
                .contains(new UserAccount("lena", "Lena L.", Role.TEAM_LEAD, Set.of("search"), T0, T0.plusSeconds(2)));
        assertThat(users.findForLogin("lena")).map(TollgateUser::passwordHash).contains("{noop}new password");
    }

    @Test
    void deleting_a_user_deletes_their_team_links() {
        team("payments");
        user("lena", Role.TEAM_LEAD, "payments");

        assertThat(users.delete("lena")).isTrue();
        assertThat(users.delete("lena")).isFalse();

        assertThat(users.find("lena")).isEmpty();
        assertThat(dsl().fetchCount(dev.tollgate.db.Tables.APP_USER_TEAM)).isZero();
    }

    @Test
    void deleting_a_team_removes_it_from_the_users_who_led_it() {
        team("payments");
        team("search");
        user("lena", Role.TEAM_LEAD, "payments", "search");

        dsl().deleteFrom(TEAM).where(TEAM.ID.eq("payments")).execute();

        assertThat(users.find("lena")).map(UserAccount::teams).contains(Set.of("search"));
    }

    @Test
    void the_database_refuses_a_user_leading_a_team_that_does_not_exist() {
        assertThatThrownBy(() -> user("lena", Role.TEAM_LEAD, "nobody")).isInstanceOf(DataAccessException.class);
    }

    @Test
    void a_password_of_the_longest_allowed_length_is_stored_and_checked_and_a_longer_one_refused() {
        PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        UserAccounts accounts = new UserAccounts(users, passwords, callers, new AuditLog(events, callers, clock), clock);
        String longest = "p".repeat(UserAccounts.MAX_PASSWORD_LENGTH);
        String accented = "é".repeat(UserAccounts.MAX_PASSWORD_LENGTH / 2 + 1);

        callers.runAsSystem(() -> {
            accounts.create("ada", "Ada", Role.ADMIN, Set.of(), longest);
            assertThatThrownBy(() -> accounts.create("bob", "Bob", Role.VIEWER, Set.of(), longest + "p"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(dev.tollgate.api.Violation::pointer).containsExactly("password"));
            assertThatThrownBy(() -> accounts.create("eve", "Eve", Role.VIEWER, Set.of(), accented))
                    .isInstanceOf(InvalidInputException.class);
        });

        assertThat(passwords.matches(longest, users.findForLogin("ada").orElseThrow().passwordHash())).isTrue();
        assertThat(users.find("bob")).isEmpty();
        assertThat(users.find("eve")).isEmpty();
    }

    // Audit log.

    @Test
    void audit_events_read_back_newest_first() {
        event(T0, "user:a", "team", "payments");
        event(T0.plusSeconds(2), "user:b", "team", "search");
        event(T0.plusSeconds(1), "user:c", "service", "checkout");

        List<AuditEvent> found = events.find(AuditQuery.ALL, 0, 10);

        assertThat(found).extracting(AuditEvent::actor).containsExactly("user:b", "user:c", "user:a");
        assertThat(found.get(2)).satisfies(first -> {
            assertThat(first.id()).isPositive();
            assertThat(first.occurredAt()).isEqualTo(T0);
            assertThat(first.action()).isEqualTo("THING_DONE");
            assertThat(first.targetType()).isEqualTo("team");
            assertThat(first.targetId()).isEqualTo("payments");
            assertThat(first.detail()).isEqualTo("detail");
        });
    }

    @Test
    void audit_events_of_the_same_moment_are_listed_in_reverse_order_of_writing() {
        event(T0, "user:first", "team", "a");
        event(T0, "user:second", "team", "a");

        assertThat(events.find(AuditQuery.ALL, 0, 10)).extracting(AuditEvent::actor)
                .containsExactly("user:second", "user:first");
    }

    @Test
    void audit_events_are_filtered_by_time_actor_and_target_and_paged() {
        event(T0, "user:a", "team", "payments");
        event(T0.plusSeconds(10), "user:a", "service", "checkout");
        event(T0.plusSeconds(20), "user:b", "team", "payments");
        event(T0.plusSeconds(30), "user:a", "team", "search");

        assertThat(events.find(new AuditQuery(T0.plusSeconds(10), T0.plusSeconds(30), null, null, null), 0, 10))
                .as("from is inclusive, to exclusive")
                .extracting(AuditEvent::occurredAt).containsExactly(T0.plusSeconds(20), T0.plusSeconds(10));
        assertThat(events.find(new AuditQuery(null, null, "user:a", "team", null), 0, 10))
                .extracting(AuditEvent::targetId).containsExactly("search", "payments");
        assertThat(events.find(new AuditQuery(null, null, null, "team", "payments"), 0, 10))
                .extracting(AuditEvent::actor).containsExactly("user:b", "user:a");
        assertThat(events.find(AuditQuery.ALL, 1, 2)).extracting(AuditEvent::occurredAt)
                .containsExactly(T0.plusSeconds(20), T0.plusSeconds(10));
    }

    @Test
    void the_audit_log_names_the_caller_and_cuts_a_detail_to_what_the_column_holds() {
        AuditLog audit = new AuditLog(events, callers, Clock.fixed(T0, ZoneOffset.UTC));
        String longDetail = "x".repeat(5000);

        callers.runAsSystem(() -> audit.record("CATALOG_APPLIED", "catalog", null, longDetail));

        AuditEvent stored = events.find(AuditQuery.ALL, 0, 1).getFirst();
        assertThat(stored.actor()).isEqualTo("system");
        assertThat(stored.occurredAt()).isEqualTo(T0);
        assertThat(stored.targetId()).isNull();
        assertThat(stored.detail()).hasSize(4000).endsWith("…").startsWith("xxx");
    }
}
