package dev.tollgate.api;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.Gzip;
import dev.tollgate.testing.HttpApiTest;

/** API.md: gzip is accepted on every write; a body over 10 MiB after decompression answers 413. */
@HttpApiTest
class RequestBodiesIT {

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void accepts_a_gzip_compressed_body() {
        String team = unique("gzipped");
        api.put("/api/v1/teams/" + team).asAdmin().header("Content-Encoding", "gzip")
                .bytes("application/json", Gzip.compress("{\"name\": \"Gzipped\"}".getBytes(StandardCharsets.UTF_8)))
                .send().expectStatus(201);
        assertThat(api.get("/api/v1/teams/" + team).asAdmin().send().expectStatus(200).json().path("name").asString())
                .isEqualTo("Gzipped");
    }

    @Test
    void refuses_a_body_that_claims_gzip_but_is_not() {
        String team = unique("notgzip");
        api.put("/api/v1/teams/" + team).asAdmin().header("Content-Encoding", "gzip")
                .json("{\"name\": \"Plain\"}").send().expectProblem(400);
        api.get("/api/v1/teams/" + team).asAdmin().send().expectProblem(404);
    }

    @Test
    void refuses_a_gzip_bomb_once_it_decompresses_past_the_limit() {
        String team = unique("bomb");
        byte[] padding = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(padding, (byte) ' ');
        byte[] json = ("{\"name\": \"Bomb\"" + new String(padding, StandardCharsets.US_ASCII) + "}")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] compressed = Gzip.compress(json);
        assertThat(compressed.length).isLessThan(100 * 1024);
        api.put("/api/v1/teams/" + team).asAdmin().header("Content-Encoding", "gzip")
                .bytes("application/json", compressed).send().expectProblem(413);
        api.get("/api/v1/teams/" + team).asAdmin().send().expectProblem(404);
    }

    @Test
    void refuses_a_declared_length_over_ten_mebibytes_before_reading_it() {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        api.put("/api/v1/config").asAdmin().bytes("application/yaml", body).send().expectProblem(413);
    }

    @Test
    void refuses_an_encoding_other_than_gzip() {
        api.put("/api/v1/teams/" + unique("brotli")).asAdmin().header("Content-Encoding", "br")
                .json("{\"name\": \"x\"}").send().expectProblem(415);
    }
}
