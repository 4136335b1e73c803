package dev.tollgate.catalog;

import static dev.tollgate.db.Tables.SERVICE_STAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

import dev.tollgate.testing.RepositoryContract;

/**
 * The catalog's repositories against a real database, migrated by db/migration. Written once,
 * run on H2 ({@link CatalogRepositoriesOnH2IT}) and on PostgreSQL
 * ({@link CatalogRepositoriesOnPostgresIT}), the two databases Tollgate supports. Each test runs
 * in a transaction that is rolled back.
 */
abstract class CatalogRepositoriesContract extends RepositoryContract {

    /** Microseconds: the precision both databases keep. */
    private static final Instant CREATED = Instant.parse("2026-11-26T10:00:00.123456Z");
    private static final Instant UPDATED = Instant.parse("2026-11-26T11:30:00.654321Z");

    private TeamRepository teams;
    private ServiceRepository services;
    private MetricDefinitionRepository definitions;
    private CatalogStamp stamp;

    @Override
    protected void connect(DSLContext db) {
        teams = new TeamRepository(db);
        stamp = new CatalogStamp(db);
        services = new ServiceRepository(db, stamp);
        definitions = new MetricDefinitionRepository(db);
    }

    private Team team(String id, String name) {
        Team team = new Team(id, name, null, CREATED, CREATED);
        teams.insert(team);
        return team;
    }

    private ServiceDefinition service(String id, String team, String... stages) {
        ServiceDefinition service = new ServiceDefinition(id, team, "Service " + id, List.of(stages), CREATED, CREATED);
        services.insert(service);
        return service;
    }

    // The stamp a node's copy of the catalog is checked against.

    @Test
    void every_change_to_a_service_moves_the_catalog_stamp() {
        team("payments", "Payments");
        long before = stamp.current();
        ServiceDefinition service = service("checkout", "payments", "beta", "prod");
        long created = stamp.current();
        services.update(new ServiceDefinition("checkout", "payments", "Checkout", List.of("prod"), CREATED, UPDATED));
        long updated = stamp.current();
        services.insertFromIngest(List.of("ledger"), null, CREATED);
        long registered = stamp.current();
        services.delete(service.id());

        assertThat(List.of(before, created, updated, registered, stamp.current())).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void the_whole_catalog_reads_back_with_its_stage_paths() {
        team("payments", "Payments");
        service("checkout", "payments", "beta", "gamma", "prod");
        service("ledger", null, "prod");

        assertThat(services.all()).extracting(ServiceDefinition::id, ServiceDefinition::stages).containsExactlyInAnyOrder(
                tuple("checkout", List.of("beta", "gamma", "prod")),
                tuple("ledger", List.of("prod")));
    }

    // Teams.

    @Test
    void a_team_reads_back_as_written() {
        Team team = new Team("payments", "Payments", "Takes the money", CREATED, UPDATED);
        teams.insert(team);

        assertThat(teams.find("payments")).contains(team);
        assertThat(teams.exists("payments")).isTrue();
        assertThat(teams.find("search")).isEmpty();
        assertThat(teams.exists("search")).isFalse();
    }

    @Test
    void teams_are_listed_by_name_then_id_and_paged() {
        team("t3", "Alpha");
        team("t1", "Bravo");
        team("t2", "Alpha");

        assertThat(teams.find(null, 0, 10)).extracting(Team::id).containsExactly("t2", "t3", "t1");
        assertThat(teams.find(null, 1, 1)).extracting(Team::id).containsExactly("t3");
        assertThat(teams.count(null)).isEqualTo(3);
    }

    @Test
    void a_team_list_can_be_limited_to_some_teams() {
        team("t1", "One");
        team("t2", "Two");
        team("t3", "Three");

        assertThat(teams.find(Set.of("t1", "t3"), 0, 10)).extracting(Team::id).containsExactly("t1", "t3");
        assertThat(teams.count(Set.of("t1", "t3"))).isEqualTo(2);
        assertThat(teams.find(Set.of("nobody"), 0, 10)).isEmpty();
    }

    @Test
    void updating_a_team_keeps_when_it_was_created() {
        team("payments", "Payments");

        teams.update(new Team("payments", "Payments and Billing", "Both", Instant.EPOCH, UPDATED));

        assertThat(teams.find("payments"))
                .contains(new Team("payments", "Payments and Billing", "Both", CREATED, UPDATED));
    }

    @Test
    void a_deleted_team_is_gone() {
        team("payments", "Payments");

        teams.delete("payments");

        assertThat(teams.find("payments")).isEmpty();
    }

    @Test
    void the_database_refuses_to_delete_a_team_that_owns_services() {
        team("payments", "Payments");
        service("checkout", "payments", "prod");

        assertThatThrownBy(() -> teams.delete("payments")).isInstanceOf(DataAccessException.class);
    }

    @Test
    void the_database_refuses_two_teams_with_one_id() {
        team("payments", "Payments");

        assertThatThrownBy(() -> team("payments", "Again")).isInstanceOf(DataAccessException.class);
    }

    // Services.

    @Test
    void a_service_reads_back_with_its_stages_in_promotion_order() {
        team("payments", "Payments");
        ServiceDefinition service = service("checkout", "payments", "zeta", "alpha", "mid", "beta");

        ServiceDefinition read = services.find("checkout").orElseThrow();

        assertThat(read).isEqualTo(service);
        assertThat(read.stages()).containsExactly("zeta", "alpha", "mid", "beta");
    }

    @Test
    void each_listed_service_carries_its_own_stages() {
        team("payments", "Payments");
        team("search", "Search");
        service("checkout", "payments", "beta", "prod");
        service("billing", "payments", "dev", "staging", "prod");
        service("query", "search", "canary");

        assertThat(services.find(null, null, 0, 10))
                .extracting(ServiceDefinition::id, ServiceDefinition::stages)
                .containsExactly(
                        tuple("billing", List.of("dev", "staging", "prod")),
                        tuple("checkout", List.of("beta", "prod")),
                        tuple("query", List.of("canary")));
    }

    @Test
    void updating_a_service_replaces_its_whole_stage_path() {
        team("payments", "Payments");
        team("search", "Search");
        service("checkout", "payments", "alpha", "beta", "gamma");

        services.update(new ServiceDefinition("checkout", "search", "Checkout", List.of("gamma", "alpha"), Instant.EPOCH,
                UPDATED));

        assertThat(services.find("checkout")).contains(
                new ServiceDefinition("checkout", "search", "Checkout", List.of("gamma", "alpha"), CREATED, UPDATED));
        assertThat(dsl().fetchCount(SERVICE_STAGE, SERVICE_STAGE.SERVICE_ID.eq("checkout"))).isEqualTo(2);
    }

    @Test
    void services_are_listed_by_id_filtered_by_team() {
        team("payments", "Payments");
        team("search", "Search");
        service("checkout", "payments", "prod");
        service("billing", "payments", "prod");
        service("query", "search", "prod");

        assertThat(services.find("payments", null, 0, 10)).extracting(ServiceDefinition::id)
                .containsExactly("billing", "checkout");
        assertThat(services.find(null, null, 1, 1)).extracting(ServiceDefinition::id).containsExactly("checkout");
        assertThat(services.count("payments", null)).isEqualTo(2);
        assertThat(services.countOwnedBy("search")).isEqualTo(1);
        assertThat(services.countOwnedBy("nobody")).isZero();
    }

    @Test
    void an_unowned_service_is_listed_only_when_the_list_is_not_limited_to_teams() {
        team("payments", "Payments");
        service("checkout", "payments", "prod");
        service("stray", null, "prod");

        assertThat(services.find(null, null, 0, 10)).extracting(ServiceDefinition::id)
                .containsExactly("checkout", "stray");
        assertThat(services.find(null, Set.of("payments"), 0, 10)).extracting(ServiceDefinition::id)
                .containsExactly("checkout");
        assertThat(services.count(null, Set.of("payments"))).isEqualTo(1);
        assertThat(services.find("stray")).map(ServiceDefinition::team).isEmpty();
    }

    @Test
    void deleting_a_service_deletes_its_stages() {
        team("payments", "Payments");
        service("checkout", "payments", "beta", "prod");

        services.delete("checkout");

        assertThat(services.find("checkout")).isEmpty();
        assertThat(dsl().fetchCount(SERVICE_STAGE)).isZero();
    }

    @Test
    void the_database_refuses_a_stage_twice_in_one_path() {
        team("payments", "Payments");

        assertThatThrownBy(() -> service("checkout", "payments", "prod", "beta", "prod"))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void the_database_refuses_a_service_of_a_team_that_does_not_exist() {
        assertThatThrownBy(() -> service("checkout", "nobody", "prod")).isInstanceOf(DataAccessException.class);
    }

    // Metric definitions.

    @Test
    void the_built_in_metric_definitions_exist_from_the_start() {
        assertThat(definitions.findAll())
                .filteredOn(MetricDefinition::builtIn)
                .extracting(MetricDefinition::id, MetricDefinition::category)
                .containsExactlyInAnyOrder(
                        tuple("requests", MetricCategory.OPERATIONAL),
                        tuple("errors", MetricCategory.OPERATIONAL),
                        tuple("throttles", MetricCategory.OPERATIONAL),
                        tuple("latency_ms", MetricCategory.OPERATIONAL),
                        tuple("availability", MetricCategory.OPERATIONAL),
                        tuple("principal_reviews", MetricCategory.ENABLEMENT),
                        tuple("security_training_pct", MetricCategory.ENABLEMENT),
                        tuple("ops_training_pct", MetricCategory.ENABLEMENT));
        assertThat(definitions.find("latency_ms")).get()
                .satisfies(latency -> {
                    assertThat(latency.aggregation()).isEqualTo(Aggregation.P99);
                    assertThat(latency.better()).isEqualTo(Better.LOWER);
                    assertThat(latency.unit()).isEqualTo("ms");
                });
        assertThat(definitions.find("availability")).map(MetricDefinition::target).contains(99.9);
    }

    @Test
    void metric_definitions_are_listed_by_id() {
        assertThat(definitions.findAll()).extracting(MetricDefinition::id).isSorted();
    }

    @Test
    void a_new_metric_definition_reads_back_as_written_and_not_built_in() {
        MetricDefinition revenue = new MetricDefinition("revenue.eur", MetricCategory.BUSINESS, "EUR", Better.HIGHER,
                Aggregation.P95, 1_000_000.5, "Revenue", true, UPDATED);

        definitions.upsert(revenue);

        assertThat(definitions.find("revenue.eur")).contains(new MetricDefinition("revenue.eur", MetricCategory.BUSINESS,
                "EUR", Better.HIGHER, Aggregation.P95, 1_000_000.5, "Revenue", false, UPDATED));
    }

    @Test
    void upserting_an_existing_definition_replaces_it() {
        definitions.upsert(new MetricDefinition("signups", MetricCategory.BUSINESS, "count", Better.HIGHER,
                Aggregation.SUM, 10.0, "Sign-ups", false, CREATED));

        definitions.upsert(new MetricDefinition("signups", MetricCategory.INPUT_GOAL, "users", Better.LOWER,
                Aggregation.LAST, null, null, false, UPDATED));

        assertThat(definitions.find("signups")).contains(new MetricDefinition("signups", MetricCategory.INPUT_GOAL,
                "users", Better.LOWER, Aggregation.LAST, null, null, false, UPDATED));
        assertThat(definitions.findAll()).extracting(MetricDefinition::id).containsOnlyOnce("signups");
    }

    @Test
    void a_changed_built_in_definition_stays_built_in() {
        definitions.upsert(new MetricDefinition("errors", MetricCategory.OPERATIONAL, "count", Better.LOWER,
                Aggregation.MAX, 5.0, "Failed requests", false, UPDATED));

        assertThat(definitions.find("errors")).get().satisfies(errors -> {
            assertThat(errors.builtIn()).isTrue();
            assertThat(errors.aggregation()).isEqualTo(Aggregation.MAX);
            assertThat(errors.target()).isEqualTo(5.0);
        });
    }

    @Test
    void every_aggregation_round_trips() {
        for (Aggregation aggregation : Aggregation.values()) {
            definitions.upsert(new MetricDefinition("m", MetricCategory.OPERATIONAL, "x", Better.LOWER, aggregation,
                    null, null, false, UPDATED));

            assertThat(definitions.find("m")).map(MetricDefinition::aggregation).contains(aggregation);
        }
    }
}
