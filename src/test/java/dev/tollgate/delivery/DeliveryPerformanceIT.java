package dev.tollgate.delivery;

import static dev.tollgate.delivery.DeploymentStatus.FAILED;
import static dev.tollgate.delivery.DeploymentStatus.ROLLED_BACK;
import static dev.tollgate.delivery.DeploymentStatus.STARTED;
import static dev.tollgate.delivery.DeploymentStatus.SUCCEEDED;
import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

import dev.tollgate.api.NotFoundException;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;
import dev.tollgate.security.SignedIn;
import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.HttpApiTest;

/**
 * The DORA figures of deployments recorded as pipelines report them, read through the service
 * with the application's database: two services whose production stages differ, over one week.
 */
@HttpApiTest
class DeliveryPerformanceIT {

    private static final Instant FROM = Instant.parse("2026-10-05T00:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofDays(7));

    @LocalServerPort
    int port;

    @Autowired
    Deployments deployments;

    @Autowired
    DeliveryPerformance performance;

    @Autowired
    CurrentCaller callers;

    private String team;
    private String checkout;
    private String ledger;

    private static Instant hour(int hours) {
        return FROM.plus(Duration.ofHours(hours));
    }

    @BeforeEach
    void createServices() {
        ApiClient api = new ApiClient(port);
        team = api.createTeam(unique("payments"));
        checkout = api.createService(unique("checkout"), team, "beta", "gamma", "prod");
        ledger = api.createService(unique("ledger"), team, "test", "live");
    }

    /**
     * Reports one deployment's statuses in order, as its pipeline would: under one id, with the
     * commit time (may be null) on the first report only.
     */
    private void deploy(String service, String stage, String version, Instant commitTime, StatusChange... statuses) {
        String id = unique("deploy");
        for (int i = 0; i < statuses.length; i++) {
            DeploymentReport report = new DeploymentReport(id, service, stage, version, statuses[i].status(),
                    statuses[i].time(), null, i == 0 ? commitTime : null, null);
            callers.runAsSystem(() -> deployments.record(report));
        }
    }

    private static StatusChange at(DeploymentStatus status, Instant time) {
        return new StatusChange(status, time);
    }

    /** Checkout reaches production in "prod", ledger in "live"; the other stages fail now and then too. */
    private void recordTheWeek() {
        deploy(checkout, "prod", "0.9.0", null, at(FAILED, FROM.minus(Duration.ofHours(5))));
        deploy(checkout, "prod", "1.0.0", hour(0), at(STARTED, hour(1)), at(SUCCEEDED, hour(2)));
        deploy(checkout, "prod", "1.1.0", null, at(STARTED, hour(10)), at(FAILED, hour(11)));
        deploy(checkout, "prod", "1.1.1", hour(13), at(STARTED, hour(12)), at(SUCCEEDED, hour(14)));
        deploy(checkout, "beta", "1.2.0", null, at(SUCCEEDED, hour(19)));
        deploy(checkout, "gamma", "1.2.0", null, at(FAILED, hour(20)));

        deploy(ledger, "live", "3.0.0", hour(1), at(STARTED, hour(4)), at(SUCCEEDED, hour(5)));
        deploy(ledger, "live", "3.1.0", null, at(SUCCEEDED, hour(30)), at(ROLLED_BACK, hour(31)));
        deploy(ledger, "live", "3.1.1", null, at(SUCCEEDED, hour(33)));
        deploy(ledger, "test", "3.2.0", null, at(FAILED, hour(40)));
        deploy(ledger, "live", "3.2.0", null, at(STARTED, hour(100)));
    }

    @Test
    void the_figures_of_two_services_count_their_production_deployments_only() {
        recordTheWeek();

        DoraFigures figures = callers.runAsSystem(() -> performance.dora(List.of(checkout, ledger), FROM, TO));

        assertThat(figures.from()).isEqualTo(FROM);
        assertThat(figures.to()).isEqualTo(TO);
        assertThat(figures.deployments()).as("three in prod, three in live; beta, gamma, test and a running one are not")
                .isEqualTo(6);
        assertThat(figures.failures()).as("a failure in prod and a rollback in live").isEqualTo(2);
        assertThat(figures.changeFailureRatePct()).isCloseTo(100 / 3.0, within(1e-9));
        assertThat(figures.deploymentsPerDay()).isCloseTo(4 / 7.0, within(1e-9));
        assertThat(figures.leadTimeForChanges()).as("the median of 2 h, 1 h and 4 h").isEqualTo(Duration.ofHours(2));
        assertThat(figures.restored()).isEqualTo(2);
        assertThat(figures.unrestored()).isZero();
        assertThat(figures.timeToRestore()).as("the mean of 3 h and 2 h").isEqualTo(Duration.ofMinutes(150));
        assertThat(figures.rework()).as("after the failure before the window, the failure and the rollback")
                .isEqualTo(3);
        assertThat(figures.reworkRatePct()).isEqualTo(50.0);
    }

    @Test
    void the_figures_per_bucket_are_the_figures_of_each_bucket() {
        recordTheWeek();

        List<DoraFigures> days = callers.runAsSystem(
                () -> performance.doraPerBucket(List.of(checkout, ledger), FROM, TO, Duration.ofDays(1)));

        assertThat(days).hasSize(7);
        assertThat(days).extracting(DoraFigures::deployments).containsExactly(4, 2, 0, 0, 0, 0, 0);
        for (DoraFigures day : days) {
            assertThat(day).isEqualTo(callers.runAsSystem(
                    () -> performance.dora(List.of(checkout, ledger), day.from(), day.to())));
        }
        assertThat(callers.runAsSystem(() -> performance.dora(List.of(ledger), FROM, hour(24))).deployments())
                .isEqualTo(1);
    }

    @Test
    void a_caller_bound_to_the_team_reads_it_and_one_bound_to_another_team_is_refused() {
        recordTheWeek();
        Caller member = new Caller("token:member", Set.of(Scope.READ), Set.of(team), false);
        Caller outsider = new Caller("token:outsider", Set.of(Scope.READ), Set.of(unique("search")), false);

        assertThat(SignedIn.as(callers, member, () -> performance.dora(List.of(checkout), FROM, TO)).deployments())
                .isEqualTo(3);
        assertThatThrownBy(() -> SignedIn.as(callers, outsider, () -> performance.dora(List.of(checkout), FROM, TO)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SignedIn.as(callers, outsider,
                () -> performance.doraPerBucket(List.of(ledger), FROM, TO, Duration.ofDays(1))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_service_not_in_the_catalog_is_not_found() {
        assertThatThrownBy(() -> callers.runAsSystem(() -> performance.dora(List.of(checkout, unique("nothing")), FROM, TO)))
                .isInstanceOf(NotFoundException.class);
    }
}
