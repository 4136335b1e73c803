package dev.tollgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.tollgate.testing.PostgresTestDatabase;

/** {@link GateScenario} with the whole application on PostgreSQL: catalog, deployments, the embedded metric store, the gate's record. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GateScenarioOnPostgresIT extends GateScenario {

    private static String url;

    /** Before the context starts, so that a machine without PostgreSQL skips this class (or fails on CI) with instructions. */
    @BeforeAll
    static void createSchema() {
        url = PostgresTestDatabase.emptySchemaUrl();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> url);
        properties.add("spring.datasource.username", PostgresTestDatabase::user);
        properties.add("spring.datasource.password", PostgresTestDatabase::password);
    }

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    @Override
    protected int port() {
        return port;
    }

    @Test
    void runs_on_postgresql() {
        assertThat(db.dialect().family()).isEqualTo(SQLDialect.POSTGRES);
    }
}
