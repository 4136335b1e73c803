package dev.tollgate.security;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.HttpApiTest;
import dev.tollgate.testing.TestClock;
import tools.jackson.databind.JsonNode;

/** API.md "Authentication and authorisation": {@code /api/v1/tokens}. */
@HttpApiTest
@ExtendWith(OutputCaptureExtension.class)
class TokensIT {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    private ApiResponse issue(String token, String json) {
        return api.post("/api/v1/tokens").token(token).json(json).send();
    }

    private List<JsonNode> listed(String token) {
        return List.copyOf(api.get("/api/v1/tokens").token(token).send().expectStatus(200).json().values());
    }

    private static List<String> ids(List<JsonNode> tokens) {
        return tokens.stream().map(token -> token.path("id").asString()).toList();
    }

    @Test
    void issuing_a_token_answers_201_with_its_secret() {
        Instant expiry = clock.instant().plus(Duration.ofDays(30));

        ApiResponse issued = issue(ApiClient.BOOTSTRAP_TOKEN,
                "{\"name\": \" ci pipeline \", \"scopes\": [\"ingest\", \"gate\"], \"expiresAt\": \"" + expiry + "\"}")
                .expectStatus(201);

        JsonNode body = issued.json();
        assertThat(body.path("token").asString()).startsWith("tg_").hasSizeGreaterThanOrEqualTo(40);
        assertThat(issued.header("Location")).isEqualTo("/api/v1/tokens/" + body.path("id").asString());
        assertThat(body.path("name").asString()).isEqualTo("ci pipeline");
        assertThat(body.path("scopes").values()).extracting(JsonNode::asString).containsExactlyInAnyOrder("ingest", "gate");
        assertThat(Instant.parse(body.path("expiresAt").asString())).isEqualTo(expiry);
        assertThat(body.has("team")).isFalse();
    }

    @Test
    void a_new_token_works_within_its_scopes() {
        String secret = api.createToken(null, "read");

        api.get("/api/v1/teams").token(secret).send().expectStatus(200);
        api.put("/api/v1/teams/" + unique("t")).token(secret).json("{\"name\": \"x\"}").send().expectProblem(403);
    }

    @Test
    void every_token_gets_a_different_secret() {
        assertThat(api.createToken(null, "read")).isNotEqualTo(api.createToken(null, "read"));
    }

    @Test
    void the_list_shows_tokens_but_never_their_secrets_or_hashes() {
        ApiResponse issued = api.issueToken(null, "read");
        String secret = issued.json().path("token").asString();
        api.get("/api/v1/teams").token(secret).send().expectStatus(200);

        ApiResponse list = api.get("/api/v1/tokens").asAdmin().send().expectStatus(200);

        assertThat(ids(List.copyOf(list.json().values()))).contains(issued.json().path("id").asString());
        assertThat(list.body()).doesNotContain(secret, TokenSecrets.hash(secret), ApiClient.BOOTSTRAP_TOKEN,
                TokenSecrets.hash(ApiClient.BOOTSTRAP_TOKEN), "\"token\"", "hash", "tg_");
        JsonNode listed = list.json().values().stream()
                .filter(token -> token.path("id").asString().equals(issued.json().path("id").asString()))
                .findFirst().orElseThrow();
        assertThat(listed.has("lastUsedAt")).as("the token was used").isTrue();
        assertThat(listed.path("createdBy").asString()).startsWith("token:bootstrap");
    }

    @Test
    void the_bootstrap_token_is_an_unbound_admin_token() {
        assertThat(listed(ApiClient.BOOTSTRAP_TOKEN))
                .filteredOn(token -> token.path("createdBy").asString().equals("bootstrap"))
                .singleElement().satisfies(token -> {
                    assertThat(token.path("scopes").values()).extracting(JsonNode::asString).containsExactly("admin");
                    assertThat(token.has("team")).isFalse();
                    assertThat(token.has("expiresAt")).isFalse();
                });
    }

    @Test
    void a_revoked_token_answers_401_and_is_no_longer_listed() {
        ApiResponse issued = api.issueToken(null, "read");
        String id = issued.json().path("id").asString();
        String secret = issued.json().path("token").asString();
        // Used first, so that this node holds it as verified: revoking must forget it at once.
        api.get("/api/v1/teams").token(secret).send().expectStatus(200);

        api.delete("/api/v1/tokens/" + id).asAdmin().send().expectStatus(204);

        api.get("/api/v1/teams").token(secret).send().expectProblem(401);
        assertThat(ids(listed(ApiClient.BOOTSTRAP_TOKEN))).doesNotContain(id);
        api.delete("/api/v1/tokens/" + id).asAdmin().send().expectProblem(404);
    }

    @Test
    void a_token_answers_401_once_it_expires() {
        String secret = issue(ApiClient.BOOTSTRAP_TOKEN, "{\"name\": \"short-lived\", \"scopes\": [\"read\"], \"expiresAt\": "
                + clock.instant().plus(Duration.ofHours(1)).toEpochMilli() + "}").expectStatus(201)
                .json().path("token").asString();
        api.get("/api/v1/teams").token(secret).send().expectStatus(200);

        clock.advance(Duration.ofHours(1));

        api.get("/api/v1/teams").token(secret).send().expectProblem(401);
    }

    @Test
    void a_team_bound_admin_token_issues_tokens_only_for_its_own_team() {
        String own = api.createTeam(unique("own"));
        String other = api.createTeam(unique("other"));
        String admin = api.createToken(own, "admin");
        int before = listed(ApiClient.BOOTSTRAP_TOKEN).size();

        ApiResponse issued = issue(admin, "{\"name\": \"own\", \"scopes\": [\"ingest\"], \"team\": \"" + own + "\"}")
                .expectStatus(201);
        issue(admin, "{\"name\": \"other\", \"scopes\": [\"ingest\"], \"team\": \"" + other + "\"}").expectProblem(403);
        issue(admin, "{\"name\": \"unbound\", \"scopes\": [\"ingest\"]}").expectProblem(403);

        assertThat(issued.json().path("team").asString()).isEqualTo(own);
        assertThat(listed(ApiClient.BOOTSTRAP_TOKEN)).hasSize(before + 1);
        api.get("/api/v1/teams/" + other).token(issued.json().path("token").asString()).send().expectProblem(403);
    }

    @Test
    void a_team_bound_admin_token_lists_and_revokes_only_its_own_teams_tokens() {
        String own = api.createTeam(unique("own"));
        String other = api.createTeam(unique("other"));
        String admin = api.createToken(own, "admin");
        String ownToken = api.issueToken(own, "read").json().path("id").asString();
        ApiResponse otherToken = api.issueToken(other, "read");
        String unboundToken = api.issueToken(null, "read").json().path("id").asString();

        assertThat(listed(admin)).allSatisfy(token -> assertThat(token.path("team").asString()).isEqualTo(own));
        assertThat(ids(listed(admin))).contains(ownToken);
        api.delete("/api/v1/tokens/" + otherToken.json().path("id").asString()).token(admin).send().expectProblem(403);
        api.delete("/api/v1/tokens/" + unboundToken).token(admin).send().expectProblem(403);
        api.delete("/api/v1/tokens/" + ownToken).token(admin).send().expectStatus(204);

        api.get("/api/v1/teams/" + other).token(otherToken.json().path("token").asString()).send().expectStatus(200);
    }

    @Test
    void issuing_and_revoking_are_audited_without_the_secret(CapturedOutput output) {
        long before = api.newestAuditId();
        ApiResponse issued = issue(ApiClient.BOOTSTRAP_TOKEN, "{\"name\": \"audited\", \"scopes\": [\"gate\"]}")
                .expectStatus(201);
        String id = issued.json().path("id").asString();
        String secret = issued.json().path("token").asString();
        api.get("/api/v1/teams").token(secret).send();
        api.delete("/api/v1/tokens/" + id).asAdmin().send().expectStatus(204);

        List<JsonNode> entries = api.auditAfter(before);

        assertThat(entries).extracting(entry -> entry.path("action").asString())
                .containsExactly("TOKEN_CREATED", "TOKEN_REVOKED");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.path("targetType").asString()).isEqualTo("token");
            assertThat(entry.path("targetId").asString()).isEqualTo(id);
            assertThat(entry.path("actor").asString()).startsWith("token:bootstrap");
            assertThat(entry.path("detail").asString()).contains("name=audited", "gate");
        });
        assertThat(api.get("/api/v1/audit").asAdmin().send().body())
                .doesNotContain(secret, TokenSecrets.hash(secret), ApiClient.BOOTSTRAP_TOKEN);
        assertThat(output.getAll()).doesNotContain(secret, TokenSecrets.hash(secret));
    }
}
