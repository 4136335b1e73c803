package dev.tollgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ScopeTest {

    @Test
    void admin_implies_every_scope() {
        assertThat(Scope.effective(Set.of(Scope.ADMIN))).containsExactlyInAnyOrder(Scope.values());
    }

    @Test
    void other_scopes_imply_nothing_more() {
        assertThat(Scope.effective(Set.of(Scope.READ))).containsExactly(Scope.READ);
        assertThat(Scope.effective(EnumSet.of(Scope.INGEST, Scope.GATE, Scope.OVERRIDE, Scope.READ)))
                .containsExactlyInAnyOrder(Scope.INGEST, Scope.GATE, Scope.OVERRIDE, Scope.READ);
        assertThat(Scope.effective(Set.of(Scope.REVIEW))).containsExactly(Scope.REVIEW);
        assertThat(Scope.effective(Set.of())).isEmpty();
    }

    @Test
    void the_effective_scopes_are_a_copy() {
        Set<Scope> granted = EnumSet.of(Scope.READ);
        Set<Scope> effective = Scope.effective(granted);

        granted.add(Scope.ADMIN);

        assertThat(effective).containsExactly(Scope.READ);
    }

    @Test
    void wire_names_are_the_lowercase_names_of_api_md() {
        assertThat(EnumSet.allOf(Scope.class)).extracting(Scope::wireName)
                .containsExactly("ingest", "gate", "override", "read", "review", "admin");
        assertThat(Scope.READ.authority()).isEqualTo("SCOPE_read");
    }

    @Test
    void reads_only_the_exact_wire_names() {
        assertThat(Scope.fromWireName("read")).contains(Scope.READ);
        assertThat(Scope.fromWireName("READ")).isEmpty();
        assertThat(Scope.fromWireName("write")).isEmpty();
        assertThat(Scope.fromWireName(null)).isEmpty();
    }
}
