package dev.tollgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tollgate.delivery.DeploymentStatus;
import dev.tollgate.delivery.TestRun;

/** TESTS_PASSED and CHANGE_FAILURE_RATE over the delivery records the gate reads. */
class DeliveryRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void tests_pass_when_the_latest_run_of_every_suite_failed_nothing() {
        RuleResult result = new TestsPassed(Set.of()).evaluate(List.of(run("unit", 0), run("e2e", 0)), "gamma");

        assertThat(result.status()).isEqualTo(RuleStatus.PASS);
    }

    @Test
    void one_failed_test_fails_the_rule_naming_the_suite() {
        RuleResult result = new TestsPassed(Set.of()).evaluate(List.of(run("unit", 0), run("e2e", 2)), "gamma");

        assertThat(result.status()).isEqualTo(RuleStatus.FAIL);
        assertThat(result.message()).isEqualTo("tests failed in gamma: e2e (2 failed)");
        assertThat(result.observed()).isEqualTo(2.0);
    }

    @Test
    void a_named_suite_without_a_run_is_no_data_and_other_suites_do_not_count() {
        TestsPassed e2eOnly = new TestsPassed(Set.of("e2e"));

        assertThat(e2eOnly.evaluate(List.of(run("unit", 0)), "gamma").status()).isEqualTo(RuleStatus.NO_DATA);
        assertThat(e2eOnly.evaluate(List.of(run("unit", 3), run("e2e", 0)), "gamma").status()).isEqualTo(RuleStatus.PASS);
        assertThat(new TestsPassed(Set.of()).evaluate(List.of(), "gamma").status()).isEqualTo(RuleStatus.NO_DATA);
    }

    @Test
    void the_change_failure_rate_counts_failed_and_rolled_back_among_finished_deployments() {
        ChangeFailureRate rule = new ChangeFailureRate(Duration.ofDays(30), 0.15);
        List<DeploymentStatus> finished = List.of(DeploymentStatus.SUCCEEDED, DeploymentStatus.SUCCEEDED,
                DeploymentStatus.SUCCEEDED, DeploymentStatus.FAILED, DeploymentStatus.ROLLED_BACK, DeploymentStatus.STARTED);

        RuleResult result = rule.evaluate(finished, "prod");

        assertThat(result.status()).isEqualTo(RuleStatus.FAIL);
        assertThat(result.observed()).isEqualTo(0.4);
        assertThat(result.message()).isEqualTo("2 of 5 deployments in prod over 30 d failed or were rolled back (40.0%, at most 15.0%)");
    }

    @Test
    void exactly_the_maximum_passes_and_no_finished_deployment_is_no_data() {
        ChangeFailureRate quarter = new ChangeFailureRate(Duration.ofDays(30), 0.25);
        List<DeploymentStatus> finished = List.of(DeploymentStatus.FAILED, DeploymentStatus.SUCCEEDED,
                DeploymentStatus.SUCCEEDED, DeploymentStatus.SUCCEEDED);

        assertThat(quarter.evaluate(finished, "prod").status()).isEqualTo(RuleStatus.PASS);
        assertThat(quarter.evaluate(List.of(DeploymentStatus.STARTED), "prod").status())
                .isEqualTo(RuleStatus.NO_DATA);
    }

    @Test
    void promotion_order_needs_success_in_the_stage_before_and_no_threshold_failed_since() {
        PromotionOrder order = new PromotionOrder();

        assertThat(order.evaluate(Optional.of(NOW.minusSeconds(3_600)), List.of(), "gamma").status())
                .isEqualTo(RuleStatus.PASS);
        RuleResult skipped = order.evaluate(Optional.empty(), List.of(), "gamma");
        assertThat(skipped.status()).isEqualTo(RuleStatus.FAIL);
        assertThat(skipped.message()).isEqualTo("the version has not succeeded in gamma, the stage before");
        assertThat(order.evaluate(Optional.of(NOW.minusSeconds(3_600)), List.of("Error rate"), "gamma").message())
                .isEqualTo("since the version succeeded in gamma, Error rate failed there");
    }

    private static TestRun run(String suite, int failed) {
        return new TestRun(1, "ledger", "gamma", "1.0.0", suite, 10, failed, NOW.minusSeconds(600));
    }
}
