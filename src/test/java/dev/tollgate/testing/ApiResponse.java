package dev.tollgate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the server answered, with the checks API tests need again and again. */
public record ApiResponse(String method, String path, int status, HttpHeaders headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public JsonNode json() {
        return JSON.readTree(body);
    }

    /** Asserts the status, saying which request answered what when it fails. */
    public ApiResponse expectStatus(int expected) {
        assertThat(status).as("%s %s answered %d: %s", method, path, status, body).isEqualTo(expected);
        return this;
    }

    /**
     * Asserts an RFC 9457 problem with this status, as API.md's conventions require of every
     * refusal: {@code application/problem+json} with type, title, status and detail, and nothing
     * that betrays the implementation.
     */
    public ApiResponse expectProblem(int expected) {
        expectStatus(expected);
        assertThat(contentType()).as("content type of %s %s", method, path).startsWith("application/problem+json");
        JsonNode problem = json();
        assertThat(problem.path("type").asString()).as("type").isNotBlank();
        assertThat(problem.path("title").asString()).as("title").isNotBlank();
        assertThat(problem.path("status").asInt()).as("status").isEqualTo(expected);
        assertThat(problem.path("detail").asString()).as("detail").isNotBlank();
        assertThat(body).as("problem body of %s %s", method, path)
                .doesNotContain("Exception", "dev.tollgate", "org.springframework", "\tat ", "SQL");
        return this;
    }

    /** The pointers of the {@code errors} a 400 problem lists. */
    public List<String> errorPointers() {
        return json().path("errors").values().stream().map(error -> error.path("pointer").asString()).toList();
    }

    /** The message of the error listed at {@code pointer}. */
    public String errorAt(String pointer) {
        return json().path("errors").values().stream()
                .filter(error -> pointer.equals(error.path("pointer").asString()))
                .map(error -> error.path("message").asString())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no error at " + pointer + " in " + body));
    }

    /** Asserts a 400 problem naming exactly these pointers. */
    public ApiResponse expectRefusedAt(String... pointers) {
        expectProblem(400);
        assertThat(errorPointers()).as("pointers named by %s", body).containsExactlyInAnyOrder(pointers);
        return this;
    }
}
