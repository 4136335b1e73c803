package dev.tollgate.delivery;

import static dev.tollgate.delivery.DeploymentStatus.FAILED;
import static dev.tollgate.delivery.DeploymentStatus.ROLLED_BACK;
import static dev.tollgate.delivery.DeploymentStatus.STARTED;
import static dev.tollgate.delivery.DeploymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class StatusHistoryTest {

    private static StatusChange at(DeploymentStatus status, int minute) {
        return new StatusChange(status, Instant.parse("2026-11-26T10:00:00Z").plusSeconds(60L * minute));
    }

    private static Instant minute(int minute) {
        return at(STARTED, minute).time();
    }

    @Test
    void a_deployment_started_and_succeeded_finished_when_it_succeeded() {
        List<StatusChange> history = List.of(at(STARTED, 0), at(SUCCEEDED, 10));

        assertThat(StatusHistory.current(history)).isEqualTo(at(SUCCEEDED, 10));
        assertThat(StatusHistory.startedAt(history)).isEqualTo(minute(0));
        assertThat(StatusHistory.finishedAt(history)).isEqualTo(minute(10));
    }

    @Test
    void a_running_deployment_has_not_finished() {
        assertThat(StatusHistory.finishedAt(List.of(at(STARTED, 0)))).isNull();
    }

    @Test
    void the_current_status_is_the_latest_by_time_not_by_arrival() {
        List<StatusChange> history = List.of(at(SUCCEEDED, 10), at(STARTED, 0));

        assertThat(StatusHistory.current(history)).isEqualTo(at(SUCCEEDED, 10));
        assertThat(StatusHistory.startedAt(history)).isEqualTo(minute(0));
        assertThat(StatusHistory.finishedAt(history)).isEqualTo(minute(10));
    }

    @Test
    void of_two_changes_at_the_same_time_the_one_reported_last_is_current() {
        assertThat(StatusHistory.current(List.of(at(STARTED, 5), at(FAILED, 5)))).isEqualTo(at(FAILED, 5));
    }

    @Test
    void a_deployment_reported_only_when_it_succeeded_started_then() {
        List<StatusChange> history = List.of(at(SUCCEEDED, 7));

        assertThat(StatusHistory.startedAt(history)).isEqualTo(minute(7));
        assertThat(StatusHistory.finishedAt(history)).isEqualTo(minute(7));
    }

    @Test
    void rolling_back_a_successful_deployment_keeps_when_it_finished() {
        List<StatusChange> history = List.of(at(STARTED, 0), at(SUCCEEDED, 10), at(ROLLED_BACK, 60));

        assertThat(StatusHistory.current(history).status()).isEqualTo(ROLLED_BACK);
        assertThat(StatusHistory.finishedAt(history)).isEqualTo(minute(10));
    }

    @Test
    void a_deployment_rolled_back_before_it_ended_finished_when_it_was_rolled_back() {
        assertThat(StatusHistory.finishedAt(List.of(at(STARTED, 0), at(ROLLED_BACK, 4)))).isEqualTo(minute(4));
    }

    @Test
    void a_retry_that_succeeds_after_a_failure_finishes_when_it_succeeded() {
        assertThat(StatusHistory.finishedAt(List.of(at(STARTED, 0), at(FAILED, 3), at(SUCCEEDED, 9)))).isEqualTo(minute(9));
    }

    @Test
    void a_deployment_started_again_runs_until_its_new_attempt_ends() {
        List<StatusChange> history = List.of(at(STARTED, 0), at(SUCCEEDED, 10), at(STARTED, 30));

        assertThat(StatusHistory.startedAt(history)).isEqualTo(minute(30));
        assertThat(StatusHistory.finishedAt(history)).isNull();
    }

    @Test
    void a_deployment_as_it_stood_at_a_moment_knows_only_the_changes_reported_for_times_until_then() {
        List<StatusChange> history = List.of(at(SUCCEEDED, 10), at(STARTED, 0), at(ROLLED_BACK, 60));
        Deployment now = new Deployment("d1", "checkout", "prod", "1.0.0", ROLLED_BACK, minute(60), minute(0), minute(10),
                "c0ffee", minute(-5), "run-1", history, minute(61), minute(61));

        Deployment running = now.asOf(minute(9));
        Deployment succeeded = now.asOf(minute(10));

        assertThat(running.status()).isEqualTo(STARTED);
        assertThat(running.finishedAt()).isNull();
        assertThat(running.history()).containsExactly(at(STARTED, 0));
        assertThat(succeeded.status()).isEqualTo(SUCCEEDED);
        assertThat(succeeded.time()).isEqualTo(minute(10));
        assertThat(succeeded.finishedAt()).isEqualTo(minute(10));
        assertThat(succeeded.commit()).isEqualTo("c0ffee");
        assertThat(now.asOf(minute(90))).isEqualTo(now);
    }

    @Test
    void a_retry_of_the_current_status_or_of_a_recorded_change_adds_nothing() {
        List<StatusChange> history = List.of(at(STARTED, 0), at(SUCCEEDED, 10));

        assertThat(StatusHistory.adds(history, at(SUCCEEDED, 12))).isFalse();
        assertThat(StatusHistory.adds(history, at(STARTED, 0))).isFalse();
        assertThat(StatusHistory.adds(history, at(ROLLED_BACK, 20))).isTrue();
        assertThat(StatusHistory.adds(List.of(), at(STARTED, 0))).isTrue();
    }
}
