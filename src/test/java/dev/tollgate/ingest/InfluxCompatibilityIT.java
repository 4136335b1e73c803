package dev.tollgate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.HttpApiTest;

/** What InfluxDB clients call before writing: /ping without credentials, /query for CREATE DATABASE. */
@HttpApiTest
class InfluxCompatibilityIT {

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void answers_ping_without_credentials_like_influxdb() {
        var ping = api.get("/ping").send().expectStatus(204);
        assertThat(ping.header("X-Influxdb-Version")).startsWith("1.");
    }

    @Test
    void answers_create_database_and_show_databases() {
        String token = api.createToken(null, "ingest");
        var created = api.post("/query?q=CREATE+DATABASE+%22telegraf%22").token(token).send().expectStatus(200);
        assertThat(created.json().path("results").path(0).path("statement_id").asInt()).isZero();
        assertThat(created.json().path("results").path(0).has("error")).isFalse();

        var shown = api.get("/query?q=SHOW+DATABASES&db=telegraf").token(token).send().expectStatus(200);
        assertThat(shown.json().path("results").path(0).path("series").path(0).path("values").path(0).path(0).asString())
                .isEqualTo("telegraf");
    }

    @Test
    void answers_other_statements_with_an_influxdb_statement_error() {
        String token = api.createToken(null, "ingest");
        var answer = api.get("/query?q=SELECT+*+FROM+cpu").token(token).send().expectStatus(200);
        assertThat(answer.json().path("results").path(0).path("error").asString()).contains("/api/v1/metrics");
    }

    @Test
    void takes_the_password_parameter_of_influxdb_1_clients_as_the_token() {
        String token = api.createToken(null, "ingest");
        api.post("/query?q=CREATE+DATABASE+x&u=anyone&p=" + token).send().expectStatus(200);
        api.post("/query?q=CREATE+DATABASE+x").send().expectProblem(401);
    }
}
