package dev.tollgate.delivery;

import static dev.tollgate.db.Tables.DEPLOYMENT;
import static dev.tollgate.db.Tables.DEPLOYMENT_STATUS;
import static dev.tollgate.db.Tables.SERVICE;
import static dev.tollgate.db.Tables.TEAM;
import static dev.tollgate.db.Tables.TEST_RUN;
import static dev.tollgate.delivery.DeploymentStatus.FAILED;
import static dev.tollgate.delivery.DeploymentStatus.ROLLED_BACK;
import static dev.tollgate.delivery.DeploymentStatus.STARTED;
import static dev.tollgate.delivery.DeploymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.groups.Tuple;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

import dev.tollgate.delivery.DeploymentRepository.StatusRow;
import dev.tollgate.delivery.DeploymentRepository.VersionInStage;
import dev.tollgate.testing.RepositoryContract;

/**
 * The delivery repositories against a real database, migrated by db/migration. Written once, run
 * on H2 ({@link DeliveryRepositoriesOnH2IT}) and on PostgreSQL ({@link DeliveryRepositoriesOnPostgresIT}).
 * Each test runs in a transaction that is rolled back.
 */
abstract class DeliveryRepositoriesContract extends RepositoryContract {

    /** Microseconds: the precision both databases keep. */
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00.123456Z");

    private DeploymentRepository deployments;
    private TestRunRepository testRuns;

    @Override
    protected void connect(DSLContext db) {
        deployments = new DeploymentRepository(db);
        testRuns = new TestRunRepository(db);
    }

    @Override
    protected void seed(DSLContext db) {
        db.insertInto(TEAM, TEAM.ID, TEAM.NAME, TEAM.CREATED_AT, TEAM.UPDATED_AT)
                .values("payments", "Payments", T0, T0).execute();
        for (String service : List.of("checkout", "ledger")) {
            db.insertInto(SERVICE, SERVICE.ID, SERVICE.TEAM_ID, SERVICE.NAME, SERVICE.CREATED_AT, SERVICE.UPDATED_AT)
                    .values(service, "payments", service, T0, T0).execute();
        }
    }

    private static Instant minute(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    private static StatusChange change(DeploymentStatus status, int minute) {
        return new StatusChange(status, minute(minute));
    }

    /** Stores a deployment with its history, deriving what the service would derive. */
    private Deployment deployment(String id, String service, String stage, String version, boolean keyedByVersion,
            StatusChange... history) {
        List<StatusChange> changes = List.of(history);
        StatusChange current = StatusHistory.current(changes);
        Deployment deployment = new Deployment(id, service, stage, version, current.status(), current.time(),
                StatusHistory.startedAt(changes), StatusHistory.finishedAt(changes), null, null, null, changes, T0, T0);
        deployments.insert(List.of(deployment), keyedByVersion ? Set.of(id) : Set.of());
        List<StatusRow> rows = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            rows.add(new StatusRow(id, i, changes.get(i), T0));
        }
        deployments.insertHistory(rows);
        return deployment;
    }

    // Deployments.

    @Test
    void a_deployment_reads_back_as_written_with_its_history_in_the_order_reported() {
        Deployment written = new Deployment("run-1", "checkout", "prod", "1.4.2+build.7", SUCCEEDED, minute(10), minute(0),
                minute(10), "0b31b1c0", minute(-60), "https://ci.example.com/runs/1",
                List.of(change(SUCCEEDED, 10), change(STARTED, 0)), T0, minute(11));
        deployments.insert(List.of(written), Set.of());
        deployments.insertHistory(List.of(new StatusRow("run-1", 0, change(SUCCEEDED, 10), T0),
                new StatusRow("run-1", 1, change(STARTED, 0), T0)));

        assertThat(deployments.findByIds(List.of("run-1", "nothing"))).containsExactly(written);
        assertThat(deployments.findByIds(List.of())).isEmpty();
    }

    @Test
    void many_deployments_are_written_and_updated_in_one_statement_each() {
        Deployment a = deployment("a", "checkout", "beta", "1.0.0", true, change(STARTED, 0));
        Deployment b = deployment("b", "checkout", "prod", "1.0.0", true, change(STARTED, 1));
        Deployment finishedA = new Deployment("a", "checkout", "beta", "1.0.0", SUCCEEDED, minute(5), minute(0), minute(5),
                "c0ffee", minute(-10), "run-9", List.of(change(STARTED, 0), change(SUCCEEDED, 5)), T0, minute(6));
        Deployment failedB = new Deployment("b", "checkout", "prod", "1.0.0", FAILED, minute(7), minute(1), minute(7),
                null, null, null, List.of(change(STARTED, 1), change(FAILED, 7)), T0, minute(8));

        deployments.update(List.of(finishedA, failedB));
        deployments.insertHistory(List.of(new StatusRow("a", 1, change(SUCCEEDED, 5), T0),
                new StatusRow("b", 1, change(FAILED, 7), T0)));

        assertThat(deployments.findByIds(List.of("a", "b"))).containsExactlyInAnyOrder(finishedA, failedB);
        assertThat(a.status()).isEqualTo(STARTED);
        assertThat(b.status()).isEqualTo(STARTED);
    }

    @Test
    void finds_every_deployment_of_some_versions_newest_first() {
        deployment("old", "checkout", "prod", "1.0.0", false, change(SUCCEEDED, 0));
        deployment("new", "checkout", "prod", "1.0.0", false, change(SUCCEEDED, 30));
        deployment("beta", "checkout", "beta", "1.0.0", true, change(SUCCEEDED, 10));
        deployment("other", "checkout", "prod", "2.0.0", true, change(SUCCEEDED, 40));

        assertThat(deployments.findByVersions(List.of(new VersionInStage("checkout", "prod", "1.0.0"),
                new VersionInStage("checkout", "beta", "1.0.0"), new VersionInStage("ledger", "prod", "1.0.0"))))
                .extracting(Deployment::id).containsExactly("new", "beta", "old");
        assertThat(deployments.findByVersions(List.of())).isEmpty();
    }

    @Test
    void the_database_keeps_one_deployment_reported_without_an_id_per_version_and_stage_and_any_number_with_ids() {
        deployment("keyed", "checkout", "prod", "1.0.0", true, change(STARTED, 0));
        deployment("id-1", "checkout", "prod", "1.0.0", false, change(STARTED, 1));
        deployment("id-2", "checkout", "prod", "1.0.0", false, change(STARTED, 2));
        deployment("keyed-beta", "checkout", "beta", "1.0.0", true, change(STARTED, 0));

        assertThatThrownBy(() -> deployment("keyed-again", "checkout", "prod", "1.0.0", true, change(STARTED, 3)))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void the_database_refuses_two_deployments_with_one_id() {
        deployment("run-1", "checkout", "prod", "1.0.0", false, change(STARTED, 0));

        assertThatThrownBy(() -> deployment("run-1", "ledger", "prod", "2.0.0", false, change(STARTED, 0)))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void the_database_refuses_a_deployment_of_a_service_that_does_not_exist() {
        assertThatThrownBy(() -> deployment("run-2", "nothing", "prod", "2.0.0", false, change(STARTED, 0)))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void lists_deployments_newest_first_by_when_they_began_filtered_and_limited() {
        deployment("d1", "checkout", "beta", "1.0.0", true, change(STARTED, 0), change(SUCCEEDED, 50));
        deployment("d2", "checkout", "prod", "1.0.0", true, change(SUCCEEDED, 20));
        deployment("d3", "ledger", "prod", "3.0.0", true, change(STARTED, 30));
        deployment("d4", "checkout", "beta", "1.1.0", true, change(STARTED, 10));

        assertThat(deployments.find(null, null, null, 10)).extracting(Deployment::id).containsExactly("d3", "d2", "d4", "d1");
        assertThat(deployments.find("checkout", null, null, 10)).extracting(Deployment::id).containsExactly("d2", "d4", "d1");
        assertThat(deployments.find("checkout", "beta", null, 1)).extracting(Deployment::id).containsExactly("d4");
        assertThat(deployments.find(null, "prod", Set.of("ledger"), 10)).extracting(Deployment::id).containsExactly("d3");
        assertThat(deployments.find(null, null, Set.of(), 10)).isEmpty();
    }

    @Test
    void the_latest_deployment_of_each_stage_is_the_one_that_began_last() {
        deployment("beta-old", "checkout", "beta", "1.0.0", true, change(SUCCEEDED, 0));
        deployment("beta-new", "checkout", "beta", "1.1.0", true, change(STARTED, 20));
        deployment("prod", "checkout", "prod", "1.0.0", true, change(STARTED, 5), change(SUCCEEDED, 15));
        deployment("ledger", "ledger", "prod", "9.0.0", true, change(SUCCEEDED, 90));

        assertThat(deployments.findLatestPerStage("checkout")).extracting(Deployment::stage, Deployment::id)
                .containsExactly(Tuple.tuple("beta", "beta-new"), Tuple.tuple("prod", "prod"));
        assertThat(deployments.findNewest("checkout", "beta", null)).map(Deployment::id).contains("beta-new");
        assertThat(deployments.findNewest("checkout", "beta", "1.0.0")).map(Deployment::id).contains("beta-old");
        assertThat(deployments.findNewest("checkout", "gamma", null)).isEmpty();
        assertThat(deployments.findLatestPerStage("nothing")).isEmpty();
    }

    @Test
    void the_gate_reads_the_status_of_the_newest_deployment_of_a_version_and_when_it_took_it() {
        deployment("first", "checkout", "gamma", "2.0.0", false, change(STARTED, 0), change(SUCCEEDED, 10));
        deployment("again", "checkout", "gamma", "2.0.0", false, change(STARTED, 30), change(FAILED, 35));
        deployment("other", "checkout", "gamma", "2.1.0", true, change(STARTED, 40), change(SUCCEEDED, 45));

        assertThat(deployments.findNewestStatus("checkout", "gamma", "2.0.0")).contains(change(FAILED, 35));
        assertThat(deployments.findNewestStatus("checkout", "gamma", "2.1.0")).contains(change(SUCCEEDED, 45));
        assertThat(deployments.findNewestStatus("checkout", "prod", "2.0.0")).isEmpty();
    }

    @Test
    void the_newest_deployment_at_a_moment_is_the_last_to_have_started_by_then() {
        deployment("old", "checkout", "beta", "1.0.0", true, change(STARTED, 0), change(SUCCEEDED, 5));
        deployment("new", "checkout", "beta", "1.1.0", true, change(STARTED, 20), change(FAILED, 25));
        deployment("prod", "checkout", "prod", "1.0.0", true, change(STARTED, 10));

        assertThat(deployments.findNewestStartedBy("checkout", "beta", minute(19))).map(Deployment::id).contains("old");
        assertThat(deployments.findNewestStartedBy("checkout", "beta", minute(20))).map(Deployment::id).contains("new");
        assertThat(deployments.findNewestStartedBy("checkout", "beta", minute(-1))).isEmpty();
    }

    @Test
    void deployments_that_finished_in_a_window_are_read_from_its_start_up_to_its_end() {
        deployment("before", "checkout", "prod", "1.0.0", true, change(STARTED, 0), change(SUCCEEDED, 9));
        deployment("first", "checkout", "prod", "1.1.0", true, change(STARTED, 5), change(FAILED, 10));
        deployment("last", "checkout", "prod", "1.2.0", true, change(SUCCEEDED, 19), change(ROLLED_BACK, 40));
        deployment("at-end", "checkout", "prod", "1.3.0", true, change(SUCCEEDED, 20));
        deployment("running", "checkout", "prod", "1.4.0", true, change(STARTED, 15));
        deployment("beta", "checkout", "beta", "1.1.0", true, change(SUCCEEDED, 12));

        assertThat(deployments.findFinishedBetween("checkout", "prod", minute(10), minute(20)))
                .extracting(Deployment::id, Deployment::status)
                .containsExactly(Tuple.tuple("first", FAILED), Tuple.tuple("last", ROLLED_BACK));
        // The gate's change failure rate reads their statuses alone.
        assertThat(deployments.findFinishedStatusesBetween("checkout", "prod", minute(10), minute(20)))
                .containsExactlyInAnyOrder(FAILED, ROLLED_BACK);
    }

    @Test
    void the_dora_figures_read_the_deployments_with_a_change_in_the_window_and_the_last_to_finish_before_it() {
        deployment("older", "checkout", "prod", "0.9.0", true, change(SUCCEEDED, 0));
        deployment("last-before", "checkout", "prod", "1.0.0", true, change(STARTED, 2), change(FAILED, 5));
        deployment("in", "checkout", "prod", "1.1.0", true, change(STARTED, 9), change(SUCCEEDED, 12));
        deployment("rolled-back-in", "checkout", "prod", "0.9.5", true, change(SUCCEEDED, 3), change(ROLLED_BACK, 15));
        deployment("retried-after", "checkout", "prod", "1.2.0", true, change(FAILED, 1), change(STARTED, 30),
                change(SUCCEEDED, 31));
        deployment("after", "checkout", "prod", "1.3.0", true, change(STARTED, 25), change(SUCCEEDED, 26));
        deployment("beta", "checkout", "beta", "1.1.0", true, change(SUCCEEDED, 12));
        deployment("ledger-before", "ledger", "live", "3.0.0", true, change(SUCCEEDED, 1));
        deployment("ledger-other-stage", "ledger", "prod", "3.0.0", true, change(SUCCEEDED, 12));

        assertThat(deployments.findAroundWindow(Map.of("checkout", "prod", "ledger", "live"), minute(10), minute(20)))
                .extracting(Deployment::id)
                .containsExactlyInAnyOrder("last-before", "in", "rolled-back-in", "retried-after", "ledger-before");
        assertThat(deployments.findAroundWindow(Map.of(), minute(10), minute(20))).isEmpty();
    }

    @Test
    void deleting_a_service_deletes_its_deployments_with_their_history_and_its_test_runs() {
        deployment("d1", "ledger", "prod", "1.0.0", true, change(STARTED, 0), change(SUCCEEDED, 1));
        testRuns.insert(List.of(new TestRun(0, "ledger", "prod", "1.0.0", "unit", 1, 0, T0)), T0);

        dsl().deleteFrom(SERVICE).where(SERVICE.ID.eq("ledger")).execute();

        assertThat(dsl().fetchCount(DEPLOYMENT)).isZero();
        assertThat(dsl().fetchCount(DEPLOYMENT_STATUS)).isZero();
        assertThat(dsl().fetchCount(TEST_RUN)).isZero();
    }

    @Test
    void thousands_of_deployments_and_test_runs_are_written_and_read_at_once() {
        int count = 2 * StatementRows.MAX_ROWS + 500;
        List<Deployment> many = new ArrayList<>();
        List<StatusRow> rows = new ArrayList<>();
        List<VersionInStage> versions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StatusChange change = change(SUCCEEDED, i);
            many.add(new Deployment("d" + i, "checkout", "prod", "1.0." + i, SUCCEEDED, change.time(), change.time(),
                    change.time(), "c" + i, minute(-1), "run-" + i, List.of(change), T0, T0));
            rows.add(new StatusRow("d" + i, 0, change, T0));
            versions.add(new VersionInStage("checkout", "prod", "1.0." + i));
        }

        deployments.insert(many, Set.of());
        deployments.insertHistory(rows);
        List<TestRun> runs = testRuns.insert(many.stream().map(d -> run(d.version(), "unit", 0, 0)).toList(), T0);

        assertThat(deployments.findByIds(many.stream().map(Deployment::id).toList())).hasSize(count);
        assertThat(deployments.findByVersions(versions)).hasSize(count).first().extracting(Deployment::id)
                .isEqualTo("d" + (count - 1));
        assertThat(runs).hasSize(count).extracting(TestRun::version).startsWith("1.0.0", "1.0.1").endsWith("1.0." + (count - 1));
        assertThat(runs).extracting(TestRun::id).isSorted();
    }

    // Test runs.

    private TestRun run(String version, String suite, int failed, int minute) {
        return new TestRun(0, "checkout", "beta", version, suite, 10, failed, minute(minute));
    }

    @Test
    void test_runs_read_back_as_written_with_the_ids_the_database_gave_them_in_order() {
        List<TestRun> stored = testRuns.insert(List.of(run("1.0.0", "unit", 0, 0), run("1.0.0", "e2e", 2, 1),
                run("1.0.0", "s".repeat(SuiteName.MAX_LENGTH), 0, 2)), T0);

        assertThat(stored).extracting(TestRun::suite).containsExactly("unit", "e2e", "s".repeat(SuiteName.MAX_LENGTH));
        assertThat(stored).extracting(TestRun::id).isSorted().doesNotHaveDuplicates();
        assertThat(testRuns.find("checkout", null, null, null, 10)).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(testRuns.insert(List.of(), T0)).isEmpty();
    }

    @Test
    void lists_test_runs_newest_first_filtered_and_limited() {
        testRuns.insert(List.of(run("1.0.0", "unit", 0, 0), run("1.1.0", "unit", 0, 20), run("1.1.0", "e2e", 1, 10),
                new TestRun(0, "ledger", "prod", "1.1.0", "unit", 1, 0, minute(30))), T0);

        assertThat(testRuns.find(null, null, null, null, 10)).extracting(TestRun::service, TestRun::time)
                .containsExactly(Tuple.tuple("ledger", minute(30)), Tuple.tuple("checkout", minute(20)),
                        Tuple.tuple("checkout", minute(10)), Tuple.tuple("checkout", minute(0)));
        assertThat(testRuns.find("checkout", "beta", "1.1.0", null, 10)).extracting(TestRun::suite).containsExactly("unit", "e2e");
        assertThat(testRuns.find(null, null, "1.1.0", Set.of("ledger"), 10)).extracting(TestRun::service).containsExactly("ledger");
        assertThat(testRuns.find(null, null, null, null, 1)).hasSize(1);
    }

    @Test
    void the_latest_run_of_each_suite_is_the_one_of_the_latest_time_and_of_equal_times_the_one_stored_last() {
        testRuns.insert(List.of(run("2.0.0", "unit", 3, 0), run("2.0.0", "unit", 0, 5), run("2.0.0", "e2e", 1, 5)), T0);
        List<TestRun> tie = testRuns.insert(List.of(run("2.0.0", "e2e", 0, 5)), T0);
        testRuns.insert(List.of(run("1.0.0", "unit", 9, 60), new TestRun(0, "checkout", "prod", "2.0.0", "unit", 0, 9,
                minute(60))), T0);

        assertThat(testRuns.findLatestPerSuite("checkout", "beta", "2.0.0")).extracting(TestRun::suite, TestRun::failed)
                .containsExactly(Tuple.tuple("e2e", 0), Tuple.tuple("unit", 0));
        assertThat(testRuns.findLatestPerSuite("checkout", "beta", "2.0.0")).first().extracting(TestRun::id)
                .isEqualTo(tie.getFirst().id());
        assertThat(testRuns.findLatestPerSuite("checkout", "beta", "3.0.0")).isEmpty();
    }

    @Test
    void the_latest_run_of_each_suite_at_a_moment_is_among_the_runs_until_then() {
        testRuns.insert(List.of(run("2.0.0", "unit", 3, 0), run("2.0.0", "unit", 0, 10), run("2.0.0", "e2e", 1, 20)), T0);

        assertThat(testRuns.findLatestPerSuite("checkout", "beta", "2.0.0", minute(9)))
                .extracting(TestRun::suite, TestRun::failed).containsExactly(Tuple.tuple("unit", 3));
        assertThat(testRuns.findLatestPerSuite("checkout", "beta", "2.0.0", minute(20)))
                .extracting(TestRun::suite, TestRun::failed).containsExactly(Tuple.tuple("e2e", 1), Tuple.tuple("unit", 0));
    }
}
