package dev.tollgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The DORA figures on hand-made production deployments over one week, {@code [FROM, TO)}. */
class DoraCalculationTest {

    private static final Instant FROM = Instant.parse("2026-11-02T00:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofDays(7));
    private static final String CHECKOUT = "checkout";
    private static final String LEDGER = "ledger";

    private final List<Deployment> deployments = new ArrayList<>();

    /** {@code hours} after the window starts (negative: before it). */
    private static Instant hour(int hours) {
        return FROM.plus(Duration.ofHours(hours));
    }

    private static StatusChange started(Instant time) {
        return new StatusChange(DeploymentStatus.STARTED, time);
    }

    private static StatusChange succeeded(Instant time) {
        return new StatusChange(DeploymentStatus.SUCCEEDED, time);
    }

    private static StatusChange failed(Instant time) {
        return new StatusChange(DeploymentStatus.FAILED, time);
    }

    private static StatusChange rolledBack(Instant time) {
        return new StatusChange(DeploymentStatus.ROLLED_BACK, time);
    }

    /** A production deployment of checkout without a commit time, with this history as reported. */
    private void deploy(StatusChange... history) {
        deploy(CHECKOUT, null, history);
    }

    /** A production deployment with this history as reported. */
    private void deploy(String service, Instant commitTime, StatusChange... history) {
        int n = deployments.size();
        Instant stored = FROM.minus(Duration.ofDays(30)).plusSeconds(n);
        deployments.add(withHistory(new Deployment(service + "-" + n, service, "prod", "1.0." + n, null, null, null,
                null, "c0ffee" + n, commitTime, null, List.of(), stored, stored), List.of(history)));
    }

    /** The deployment with this history, its status and times derived from it as the service derives them. */
    private static Deployment withHistory(Deployment deployment, List<StatusChange> history) {
        StatusChange current = StatusHistory.current(history);
        return new Deployment(deployment.id(), deployment.service(), deployment.stage(), deployment.version(),
                current.status(), current.time(), StatusHistory.startedAt(history), StatusHistory.finishedAt(history),
                deployment.commit(), deployment.commitTime(), deployment.pipelineRun(), history, deployment.createdAt(),
                deployment.updatedAt());
    }

    private DoraFigures week() {
        return new DoraCalculation(deployments).over(FROM, TO);
    }

    @Test
    void no_deployments_are_a_frequency_of_zero_and_leave_every_other_figure_empty() {
        DoraFigures figures = week();

        assertThat(figures).isEqualTo(new DoraFigures(FROM, TO, 0, 0, 0, 0, 0, 0.0, null, null, null, null));
    }

    @Test
    void deployments_without_failures_have_a_failure_rate_of_zero_and_no_time_to_restore() {
        deploy(started(hour(1)), succeeded(hour(2)));
        deploy(started(hour(30)), succeeded(hour(31)));
        deploy(succeeded(hour(100)));

        DoraFigures figures = week();

        assertThat(figures.deployments()).isEqualTo(3);
        assertThat(figures.failures()).isZero();
        assertThat(figures.deploymentsPerDay()).isCloseTo(3 / 7.0, within(1e-9));
        assertThat(figures.changeFailureRatePct()).isEqualTo(0.0);
        assertThat(figures.restored()).isZero();
        assertThat(figures.unrestored()).isZero();
        assertThat(figures.timeToRestore()).isNull();
        assertThat(figures.rework()).isZero();
        assertThat(figures.reworkRatePct()).isEqualTo(0.0);
    }

    @Test
    void a_failure_is_restored_when_the_next_successful_deployment_finishes() {
        deploy(started(hour(1)), succeeded(hour(2)));
        deploy(started(hour(9)), failed(hour(10)));
        deploy(started(hour(12)), succeeded(hour(13).plus(Duration.ofMinutes(30))));

        DoraFigures figures = week();

        assertThat(figures.deployments()).isEqualTo(3);
        assertThat(figures.failures()).isEqualTo(1);
        assertThat(figures.changeFailureRatePct()).isCloseTo(100 / 3.0, within(1e-9));
        assertThat(figures.deploymentsPerDay()).as("failures are not deployments per day").isCloseTo(2 / 7.0, within(1e-9));
        assertThat(figures.restored()).isEqualTo(1);
        assertThat(figures.unrestored()).isZero();
        assertThat(figures.timeToRestore()).isEqualTo(Duration.ofMinutes(3 * 60 + 30));
    }

    @Test
    void a_failed_fix_does_not_restore_and_the_time_to_restore_is_the_median_of_the_failures() {
        deploy(started(hour(9)), failed(hour(10)));
        deploy(started(hour(10)), failed(hour(11)));
        deploy(started(hour(13)), succeeded(hour(14)));

        DoraFigures figures = week();

        assertThat(figures.failures()).isEqualTo(2);
        assertThat(figures.restored()).isEqualTo(2);
        assertThat(figures.timeToRestore()).as("the mean of 4 h and 3 h, both restored at 14 h")
                .isEqualTo(Duration.ofMinutes(3 * 60 + 30));
    }

    @Test
    void a_failure_never_restored_is_unrestored_and_leaves_no_time_to_restore() {
        deploy(started(hour(1)), succeeded(hour(2)));
        deploy(started(hour(9)), failed(hour(10)));
        deploy(started(hour(20)));
        deploy(started(TO.plus(Duration.ofHours(1))), succeeded(TO.plus(Duration.ofHours(2))));

        DoraFigures figures = week();

        assertThat(figures.deployments()).isEqualTo(2);
        assertThat(figures.failures()).isEqualTo(1);
        assertThat(figures.restored()).isZero();
        assertThat(figures.unrestored()).as("restored only after the window ended").isEqualTo(1);
        assertThat(figures.timeToRestore()).isNull();
        assertThat(figures.changeFailureRatePct()).isEqualTo(50.0);
    }

    @Test
    void a_success_rolled_back_later_is_a_failure_restored_from_the_time_it_was_rolled_back() {
        deploy(CHECKOUT, hour(8), started(hour(9)), succeeded(hour(10)), rolledBack(hour(12)));
        deploy(started(hour(12)), succeeded(hour(13)));

        DoraFigures figures = week();

        assertThat(figures.deployments()).isEqualTo(2);
        assertThat(figures.failures()).isEqualTo(1);
        assertThat(figures.changeFailureRatePct()).isEqualTo(50.0);
        assertThat(figures.timeToRestore()).isEqualTo(Duration.ofHours(1));
        assertThat(figures.leadTimeForChanges()).as("a rolled back change never reached production for good").isNull();
        assertThat(figures.rework()).isEqualTo(1);
    }

    @Test
    void a_success_before_the_rollback_does_not_restore_it() {
        deploy(started(hour(9)), succeeded(hour(10)), rolledBack(hour(15)));
        deploy(started(hour(11)), succeeded(hour(12)));
        deploy(started(hour(16)), succeeded(hour(17)));

        assertThat(week().timeToRestore()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void lead_time_is_the_median_from_commit_to_finish_of_successful_deployments_that_carry_a_commit_time() {
        deploy(CHECKOUT, hour(9), started(hour(10)), succeeded(hour(10)));
        deploy(CHECKOUT, hour(20), started(hour(23)), succeeded(hour(24)));
        deploy(CHECKOUT, hour(30), started(hour(31)), succeeded(hour(32)));
        deploy(CHECKOUT, null, started(hour(40)), succeeded(hour(41)));
        deploy(CHECKOUT, hour(0), started(hour(50)), failed(hour(51)));

        assertThat(week().leadTimeForChanges()).as("the median of 1 h, 4 h and 2 h").isEqualTo(Duration.ofHours(2));

        deploy(CHECKOUT, hour(55), started(hour(59)), succeeded(hour(60)));

        assertThat(week().leadTimeForChanges()).as("the mean of the middle two of 1 h, 2 h, 4 h and 5 h")
                .isEqualTo(Duration.ofHours(3));
    }

    @Test
    void without_commit_times_there_is_no_lead_time() {
        deploy(started(hour(1)), succeeded(hour(2)));
        deploy(started(hour(3)), succeeded(hour(4)));

        assertThat(week().leadTimeForChanges()).isNull();
    }

    @Test
    void a_deployment_after_a_failure_is_rework_even_when_the_failure_finished_before_the_window() {
        deploy(started(hour(-3)), failed(hour(-2)));
        deploy(started(hour(1)), succeeded(hour(2)));
        deploy(started(hour(3)), succeeded(hour(4)));
        deploy(started(hour(5)), failed(hour(6)));
        deploy(started(hour(7)));
        deploy(started(hour(8)), succeeded(hour(9)));

        DoraFigures figures = week();

        assertThat(figures.deployments()).as("the failure before the window is not one of its deployments").isEqualTo(4);
        assertThat(figures.failures()).isEqualTo(1);
        assertThat(figures.rework()).as("the first after the earlier failure, and the last after the later one")
                .isEqualTo(2);
        assertThat(figures.reworkRatePct()).isEqualTo(50.0);
    }

    @Test
    void figures_add_up_across_services_while_rework_and_restoration_stay_within_one() {
        deploy(LEDGER, null, started(hour(1)), failed(hour(2)));
        deploy(CHECKOUT, null, started(hour(3)), succeeded(hour(4)));
        deploy(LEDGER, null, started(hour(5)), succeeded(hour(6)));

        DoraFigures figures = week();

        assertThat(figures.deployments()).isEqualTo(3);
        assertThat(figures.failures()).isEqualTo(1);
        assertThat(figures.rework()).as("checkout's deployment came after ledger's failure, but not to fix it")
                .isEqualTo(1);
        assertThat(figures.timeToRestore()).as("checkout's success does not restore ledger").isEqualTo(Duration.ofHours(4));
    }

    @Test
    void deployments_still_running_at_the_end_are_not_counted() {
        deploy(started(hour(1)));
        deploy(started(hour(2)), failed(hour(3)), started(hour(4)));

        assertThat(week()).isEqualTo(new DoraFigures(FROM, TO, 0, 0, 0, 0, 0, 0.0, null, null, null, null));
    }

    @Test
    void a_deployment_counts_in_the_window_it_finished_in() {
        deploy(started(hour(-1)), succeeded(FROM));
        deploy(started(TO.minus(Duration.ofHours(1))), succeeded(TO));

        assertThat(week().deployments()).as("the window includes its start and excludes its end").isEqualTo(1);
    }

    @Test
    void statuses_reported_for_after_the_window_do_not_change_it() {
        deploy(started(hour(9)), succeeded(hour(10)));
        deploy(started(hour(20)), failed(hour(21)));
        DoraFigures before = week();

        Deployment first = deployments.getFirst();
        List<StatusChange> rolledBackLater = new ArrayList<>(first.history());
        rolledBackLater.add(rolledBack(TO.plus(Duration.ofHours(1))));
        deployments.set(0, withHistory(first, rolledBackLater));
        deploy(started(hour(150)), succeeded(TO.plus(Duration.ofHours(2))));
        deploy(started(TO.plus(Duration.ofHours(3))), succeeded(TO.plus(Duration.ofHours(4))));

        DoraFigures after = week();
        assertThat(after).isEqualTo(before);
        assertThat(after.failures()).as("the rollback came after the window").isEqualTo(1);
        assertThat(after.unrestored()).as("restored only after the window").isEqualTo(1);
    }

    @Test
    void each_bucket_reads_as_it_stood_at_its_own_end() {
        Instant end = FROM.plus(Duration.ofHours(60));
        deploy(CHECKOUT, hour(0), started(hour(1)), succeeded(hour(2)), rolledBack(hour(30)));
        deploy(started(hour(20)), failed(hour(21)));
        deploy(started(hour(31)), succeeded(hour(32)));
        deploy(started(hour(50)), succeeded(hour(51)));

        List<DoraFigures> buckets = new DoraCalculation(deployments).perBucket(FROM, end, Duration.ofDays(1));

        assertThat(buckets).extracting(DoraFigures::from).containsExactly(FROM, hour(24), hour(48));
        assertThat(buckets).extracting(DoraFigures::to).as("the last bucket is clipped to the end")
                .containsExactly(hour(24), hour(48), end);
        DoraFigures first = buckets.getFirst();
        assertThat(first.deployments()).isEqualTo(2);
        assertThat(first.failures()).as("the rollback came in the next bucket").isEqualTo(1);
        assertThat(first.unrestored()).isEqualTo(1);
        assertThat(first.leadTimeForChanges()).isEqualTo(Duration.ofHours(2));
        assertThat(buckets.get(1).deployments()).isEqualTo(1);
        assertThat(buckets.get(1).rework()).as("it followed the failure of the first bucket").isEqualTo(1);
        assertThat(buckets.get(2).deploymentsPerDay()).as("one deployment in half a day").isEqualTo(2.0);
        assertThat(buckets.get(2).rework()).isZero();

        DoraFigures whole = new DoraCalculation(deployments).over(FROM, end);
        assertThat(whole.failures()).as("read at the end, the first deployment was rolled back").isEqualTo(2);
        assertThat(whole.restored()).isEqualTo(2);
        assertThat(whole.timeToRestore()).as("the median of 11 h and 2 h, both restored at 32 h")
                .isEqualTo(Duration.ofMinutes(13 * 60 / 2));
        for (DoraFigures bucket : buckets) {
            assertThat(bucket).isEqualTo(new DoraCalculation(deployments).over(bucket.from(), bucket.to()));
        }
    }

    @Test
    void a_window_that_does_not_end_after_it_starts_or_a_step_that_is_not_positive_is_refused() {
        DoraCalculation calculation = new DoraCalculation(deployments);

        assertThatThrownBy(() -> calculation.over(TO, FROM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calculation.over(FROM, FROM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calculation.perBucket(FROM, TO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calculation.perBucket(FROM, TO, Duration.ofSeconds(1)))
                .as("more buckets than a chart can show").isInstanceOf(IllegalArgumentException.class);
    }
}
