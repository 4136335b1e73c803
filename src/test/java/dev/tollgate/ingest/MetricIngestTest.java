package dev.tollgate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.TeamCatalog;
import dev.tollgate.metrics.MetricStore;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The ingest rules that need no server: auto-registration switched off, and the refusal counters. */
class MetricIngestTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final ServiceCatalog services = mock(ServiceCatalog.class);
    private final TeamCatalog teams = mock(TeamCatalog.class);
    private final MetricStore store = mock(MetricStore.class);
    private final CurrentCaller callers = mock(CurrentCaller.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private MetricIngest ingest(boolean autoRegister) {
        when(callers.get()).thenReturn(new Caller("token:test", Scope.effective(Set.of(Scope.INGEST)), null, true));
        when(teams.existing(anySet())).thenReturn(Set.of());
        return new MetricIngest(services, teams, store, callers, new IngestMeters(registry),
                Clock.fixed(NOW, ZoneOffset.UTC), autoRegister);
    }

    private static IncomingPoint point(int index, String service) {
        return IncomingPoint.fromJson(index, "errors", service, null, null, null, 1.0, Map.of());
    }

    @Test
    void refuses_unknown_services_when_auto_registration_is_off() {
        when(services.ownersOf(anySet())).thenReturn(Map.of("known", "payments"));

        assertThatThrownBy(() -> ingest(false).accept(List.of(point(0, "known"), point(1, "stranger")), "json"))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.violations())
                        .extracting(v -> v.pointer()).containsExactly("/1/service"));
        verify(services, never()).registerFromIngest(anySet(), any());
        verify(store, never()).write(any());
        assertThat(registry.get("tollgate.ingest.points").tag("outcome", "refused").counter().count()).isEqualTo(2.0);
    }

    @Test
    void registers_unknown_services_and_stamps_points_without_a_time_when_auto_registration_is_on() {
        when(services.ownersOf(anySet())).thenReturn(new java.util.HashMap<>(Map.of("known", "payments")));

        assertThat(ingest(true).accept(List.of(point(0, "known"), point(1, "stranger")), "json")).isEqualTo(2);

        verify(services).registerFromIngest(Set.of("stranger"), null);
        verify(store).write(org.mockito.ArgumentMatchers.argThat(points -> points.size() == 2
                && points.get(0).team().equals("payments") && points.get(1).team() == null
                && points.get(0).time().equals(NOW)));
        assertThat(registry.get("tollgate.ingest.points").tag("outcome", "accepted").counter().count()).isEqualTo(2.0);
    }

    @Test
    void names_the_bad_tags_of_every_point_that_shares_them_and_stores_shared_good_tags_with_each_point() {
        when(services.ownersOf(anySet())).thenReturn(new java.util.HashMap<>(Map.of("known", "payments")));
        Map<String, String> bad = new java.util.HashMap<>();
        bad.put("host", null);
        Map<String, String> good = new java.util.LinkedHashMap<>(Map.of("region", "eu-west-1"));
        MetricIngest ingest = ingest(true);

        assertThatThrownBy(() -> ingest.accept(List.of(tagged(0, bad), tagged(1, good), tagged(2, bad)), "json"))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.violations())
                        .extracting(v -> v.pointer()).containsExactly("/0/tags/host", "/2/tags/host"));
        assertThat(ingest.accept(List.of(tagged(0, good), tagged(1, good)), "json")).isEqualTo(2);

        verify(store).write(org.mockito.ArgumentMatchers.argThat(points -> points.size() == 2
                && points.get(0).tags().equals(good) && points.get(1).tags().equals(good)));
    }

    private static IncomingPoint tagged(int index, Map<String, String> tags) {
        return IncomingPoint.fromJson(index, "errors", "known", null, null, null, 1.0, tags);
    }

    @Test
    void a_figure_typed_in_for_a_team_is_one_team_level_point_stamped_now() {
        when(services.ownersOf(anySet())).thenReturn(new java.util.HashMap<>());
        MetricIngest ingest = ingest(true);
        when(teams.existing(anySet())).thenReturn(Set.of("payments"));

        new TeamFigures(ingest).record("payments", "security_training_pct", 87.5);

        verify(store).write(List.of(new dev.tollgate.metrics.MetricPoint("security_training_pct", "payments", null, null,
                NOW, 87.5, Map.of())));
        assertThat(registry.get("tollgate.ingest.points").tag("endpoint", "ui").tag("outcome", "accepted").counter()
                .count()).isEqualTo(1.0);
    }

    @Test
    void a_figure_for_a_team_the_caller_may_not_act_on_is_refused() {
        when(services.ownersOf(anySet())).thenReturn(new java.util.HashMap<>());
        MetricIngest ingest = ingest(true);
        when(teams.existing(anySet())).thenReturn(Set.of("search"));
        when(callers.get()).thenReturn(new Caller("user:lena", Scope.effective(Set.of(Scope.READ, Scope.INGEST)),
                Set.of("payments"), true));

        assertThatThrownBy(() -> new TeamFigures(ingest).record("search", "security_training_pct", 90))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        verify(store, never()).write(any());
    }
}
