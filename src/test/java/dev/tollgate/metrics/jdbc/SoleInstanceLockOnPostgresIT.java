package dev.tollgate.metrics.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.tollgate.metrics.MetricStoreUnavailableException;
import dev.tollgate.testing.PostgresTestDatabase;

/**
 * Two Tollgate instances on one PostgreSQL schema with the embedded store would overwrite each
 * other's rollups: the second is refused, and one that lost its lock while the database was away
 * takes it again, unless another instance took it first.
 */
class SoleInstanceLockOnPostgresIT {

    private String url;

    @BeforeEach
    void schema() {
        url = PostgresTestDatabase.emptySchemaUrl();
    }

    @Test
    void a_second_instance_on_the_same_schema_is_refused_with_the_way_out() {
        SoleInstanceLock first = SoleInstanceLock.take(instance());

        assertThatThrownBy(() -> SoleInstanceLock.take(instance()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Another Tollgate instance").hasMessageContaining("tollgate.influx.url");

        first.release();
        SoleInstanceLock.take(instance()).release();
    }

    @Test
    void a_released_lock_is_free_even_while_its_session_lives_on_in_a_pool() throws Exception {
        SingleConnectionDataSource pooled = new SingleConnectionDataSource(url, PostgresTestDatabase.user(),
                PostgresTestDatabase.password(), true);
        try {
            SoleInstanceLock.take(DSL.using(pooled, SQLDialect.POSTGRES)).release();

            SoleInstanceLock.take(instance()).release();
        } finally {
            pooled.destroy();
        }
    }

    @Test
    void instances_on_different_schemas_do_not_meet() {
        SoleInstanceLock first = SoleInstanceLock.take(instance());
        String other = PostgresTestDatabase.emptySchemaUrl();
        SoleInstanceLock second = SoleInstanceLock.take(DSL.using(dataSource(other), SQLDialect.POSTGRES));
        first.release();
        second.release();
    }

    @Test
    void a_lock_lost_with_its_session_is_taken_again_at_the_next_check() {
        SoleInstanceLock lock = SoleInstanceLock.take(instance());

        assertThat(endHoldingSession()).isEqualTo(1);
        lock.verify();

        assertThatThrownBy(() -> SoleInstanceLock.take(instance())).isInstanceOf(IllegalStateException.class);
        lock.release();
    }

    @Test
    void an_instance_whose_lock_another_took_stops_writing() {
        SoleInstanceLock lock = SoleInstanceLock.take(instance());
        endHoldingSession();
        SoleInstanceLock successor = SoleInstanceLock.take(instance());

        assertThatThrownBy(lock::verify).isInstanceOf(MetricStoreUnavailableException.class)
                .hasMessageContaining("Another Tollgate instance");
        assertThatThrownBy(lock::requireHeld).isInstanceOf(MetricStoreUnavailableException.class);
        successor.verify();
        successor.release();
    }

    /** What a database restart does to the session holding the lock; answers how many sessions ended. */
    private int endHoldingSession() {
        return instance().fetchSingle("""
                select count(pg_terminate_backend(pid)) from pg_locks
                where locktype = 'advisory' and granted
                  and classid::int = hashtext('tollgate.metric-store') and objid::int = hashtext(current_schema())
                """).get(0, Integer.class);
    }

    private DSLContext instance() {
        return DSL.using(dataSource(url), SQLDialect.POSTGRES);
    }

    private static DriverManagerDataSource dataSource(String url) {
        return new DriverManagerDataSource(url, PostgresTestDatabase.user(), PostgresTestDatabase.password());
    }
}
