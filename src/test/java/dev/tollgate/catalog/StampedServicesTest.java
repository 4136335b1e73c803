package dev.tollgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class StampedServicesTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    private final ServiceRepository repository = mock(ServiceRepository.class);
    private final StampedServices services = new StampedServices(repository);

    private static ServiceDefinition owned(String team) {
        return new ServiceDefinition("checkout", team, "checkout", List.of("beta", "prod"), AT, AT);
    }

    @Test
    void reads_again_when_the_stamp_moved_on() {
        when(repository.all()).thenReturn(List.of(owned("payments")), List.of(owned("platform")));

        assertThat(services.find(5, "checkout")).map(ServiceDefinition::team).hasValue("payments");
        assertThat(services.find(5, "checkout")).map(ServiceDefinition::team).hasValue("payments");
        assertThat(services.find(6, "checkout")).map(ServiceDefinition::team).hasValue("platform");
        verify(repository, times(2)).all();
    }

    /** Callers that read the stamp before and after a change, in turn, must not read everything each time. */
    @Test
    void serves_a_caller_of_an_earlier_stamp_from_the_later_snapshot() {
        when(repository.all()).thenReturn(List.of(owned("payments")), List.of(owned("platform")));

        services.find(5, "checkout");
        services.find(6, "checkout");
        for (int i = 0; i < 10; i++) {
            assertThat(services.find(5, "checkout")).map(ServiceDefinition::team).hasValue("platform");
            services.find(6, "checkout");
        }
        verify(repository, times(2)).all();
    }
}
