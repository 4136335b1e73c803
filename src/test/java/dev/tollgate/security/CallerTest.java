package dev.tollgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class CallerTest {

    private static ApiToken token(String team, Scope... scopes) {
        return new ApiToken("id-1", "ci", EnumSet.copyOf(Set.of(scopes)), team, "test", Instant.EPOCH, null, null);
    }

    @Test
    void an_unbound_admin_token_acts_on_every_team_and_on_global_settings() {
        Caller caller = ApiTokens.callerOf(token(null, Scope.ADMIN));

        assertThat(caller.actsOnAllTeams()).isTrue();
        assertThat(caller.scopes()).containsExactlyInAnyOrder(Scope.values());
        assertThatCode(() -> caller.require(Scope.ADMIN, "payments")).doesNotThrowAnyException();
        assertThatCode(() -> caller.requireUnbound(Scope.ADMIN)).doesNotThrowAnyException();
        assertThatCode(() -> caller.requireRead("payments")).doesNotThrowAnyException();
    }

    @Test
    void refuses_a_team_bound_token_on_another_team() {
        Caller caller = ApiTokens.callerOf(token("payments", Scope.ADMIN));

        assertThatCode(() -> caller.require(Scope.ADMIN, "payments")).doesNotThrowAnyException();
        assertThatThrownBy(() -> caller.require(Scope.ADMIN, "search"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("search");
        assertThatThrownBy(() -> caller.requireRead("search")).isInstanceOf(AccessDeniedException.class);
        assertThat(caller.mayActOn("search")).isFalse();
        assertThat(caller.mayRead("search")).isFalse();
    }

    @Test
    void refuses_a_team_bound_token_on_global_settings() {
        Caller caller = ApiTokens.callerOf(token("payments", Scope.ADMIN));

        assertThat(caller.actsOnAllTeams()).isFalse();
        assertThat(caller.mayActOn(null)).isFalse();
        assertThatThrownBy(() -> caller.requireUnbound(Scope.ADMIN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> caller.require(Scope.ADMIN, null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refuses_a_token_without_the_scope_naming_the_scope() {
        Caller caller = ApiTokens.callerOf(token(null, Scope.READ, Scope.INGEST));

        assertThatCode(() -> caller.require(Scope.READ)).doesNotThrowAnyException();
        assertThatThrownBy(() -> caller.require(Scope.ADMIN))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("'admin'");
        assertThatThrownBy(() -> caller.require(Scope.GATE, "payments")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void reading_a_team_needs_the_read_scope_even_on_the_callers_own_team() {
        Caller caller = ApiTokens.callerOf(token("payments", Scope.INGEST));

        assertThat(caller.mayRead("payments")).isFalse();
        assertThatThrownBy(() -> caller.requireRead("payments")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_team_lead_reads_every_team_but_acts_only_on_the_teams_they_lead() {
        Caller lead = new TollgateUser("lena", "Lena", "{noop}x", Role.TEAM_LEAD, Set.of("payments")).caller();

        assertThat(lead.actor()).isEqualTo("user:lena");
        assertThat(lead.mayRead("search")).isTrue();
        assertThat(lead.mayActOn("payments")).isTrue();
        assertThat(lead.mayActOn("search")).isFalse();
        assertThat(lead.has(Scope.OVERRIDE)).isTrue();
        assertThat(lead.has(Scope.ADMIN)).isFalse();
        assertThatThrownBy(() -> lead.require(Scope.OVERRIDE, "search")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_team_lead_edits_goals_and_figures_and_records_review_items_of_their_teams_only() {
        Caller lead = new TollgateUser("lena", "Lena", "{noop}x", Role.TEAM_LEAD, Set.of("payments")).caller();

        assertThat(lead.scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.INGEST, Scope.OVERRIDE, Scope.REVIEW);
        assertThatCode(() -> lead.require(Scope.INGEST, "payments")).doesNotThrowAnyException();
        assertThatCode(() -> lead.require(Scope.REVIEW, "payments")).doesNotThrowAnyException();
        assertThatThrownBy(() -> lead.require(Scope.INGEST, "search")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lead.require(Scope.REVIEW, "search")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lead.require(Scope.INGEST, null)).as("unbound writes").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_principal_reviews_every_team_and_changes_nothing_else() {
        Caller principal = new TollgateUser("priya", "Priya", "{noop}x", Role.PRINCIPAL, Set.of("payments")).caller();

        assertThat(principal.scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.REVIEW);
        assertThat(principal.actsOnAllTeams()).isTrue();
        assertThat(principal.mayRead("search")).isTrue();
        assertThatCode(() -> principal.require(Scope.REVIEW, "search")).doesNotThrowAnyException();
        assertThatThrownBy(() -> principal.require(Scope.INGEST, "search")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> principal.require(Scope.OVERRIDE, "search")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> principal.requireUnbound(Scope.ADMIN)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_viewer_reads_every_team_and_changes_none() {
        Caller viewer = new TollgateUser("vic", "Vic", "{noop}x", Role.VIEWER, Set.of()).caller();

        assertThat(viewer.mayRead("payments")).isTrue();
        assertThat(viewer.mayActOn("payments")).isFalse();
        assertThatThrownBy(() -> viewer.require(Scope.ADMIN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> viewer.require(Scope.REVIEW)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_ui_admin_acts_on_every_team_whatever_teams_are_stored_for_them() {
        Caller admin = new TollgateUser("ada", "Ada", "{noop}x", Role.ADMIN, Set.of("payments")).caller();

        assertThat(admin.actsOnAllTeams()).isTrue();
        assertThat(admin.scopes()).containsExactlyInAnyOrder(Scope.values());
    }

    @Test
    void the_system_caller_is_an_unbound_admin() {
        assertThat(Caller.SYSTEM.actsOnAllTeams()).isTrue();
        assertThat(Caller.SYSTEM.scopes()).containsExactlyInAnyOrder(Scope.values());
        assertThat(Caller.SYSTEM.actor()).isEqualTo("system");
    }

    @Test
    void a_callers_scopes_and_teams_cannot_be_changed_afterwards() {
        Set<Scope> scopes = EnumSet.of(Scope.READ);
        Set<String> teams = new java.util.HashSet<>(Set.of("payments"));
        Caller caller = new Caller("token:x", scopes, teams, false);

        scopes.add(Scope.ADMIN);
        teams.add("search");

        assertThat(caller.has(Scope.ADMIN)).isFalse();
        assertThat(caller.mayActOn("search")).isFalse();
    }
}
