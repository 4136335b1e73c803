package dev.tollgate.review;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tollgate.catalog.Aggregation;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.TeamCatalog;
import dev.tollgate.metrics.MetricAggregate;
import dev.tollgate.metrics.MetricPoint;
import dev.tollgate.metrics.MetricSelector;
import dev.tollgate.metrics.MetricStore;
import dev.tollgate.metrics.MetricStoreUnavailableException;
import dev.tollgate.metrics.SeriesPoint;
import dev.tollgate.security.AuditLog;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.HttpApiTest;
import dev.tollgate.testing.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * The operational review's records over HTTP (additions to API.md): {@code /api/v1/reviews} and
 * {@code /api/v1/action-items}.
 */
@HttpApiTest
class ReviewApiIT {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    ReviewRepository repository;

    @Autowired
    TeamCatalog teams;

    @Autowired
    ServiceCatalog services;

    @Autowired
    CurrentCaller callers;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transactions;

    private ApiClient api;
    private String team;
    private String service;
    private String reviewer;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        team = api.createTeam(unique("payments"));
        service = api.createService(unique("ledger"), team);
        reviewer = api.createToken(null, "review", "read");
    }

    private static String review(String team, String service, String notes, String week) {
        return "{\"team\": " + quoted(team) + ", \"service\": " + quoted(service) + ", \"notes\": " + quoted(notes)
                + ", \"week\": " + quoted(week) + "}";
    }

    private static String item(String team, String service, String review, String title, String owner, String due) {
        return "{\"team\": " + quoted(team) + ", \"service\": " + quoted(service) + ", \"review\": " + quoted(review)
                + ", \"title\": " + quoted(title) + ", \"owner\": " + quoted(owner) + ", \"due\": " + quoted(due) + "}";
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    private ApiResponse postReview(String json) {
        return api.post("/api/v1/reviews").token(reviewer).json(json).send();
    }

    private ApiResponse postItem(String json) {
        return api.post("/api/v1/action-items").token(reviewer).json(json).send();
    }

    private List<JsonNode> get(String path) {
        return api.get(path).asAdmin().send().expectStatus(200).json().values().stream().toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private JsonNode principalReviews(String team) {
        return api.get("/api/v1/metrics/aggregate?metric=principal_reviews&team=" + team + "&aggregation=sum").asAdmin()
                .send().expectStatus(200).json();
    }

    @Test
    void records_a_review_with_201_its_location_the_caller_as_reviewer_and_the_current_week() {
        ApiResponse created = postReview(review(team, service, "  Error rate fine; alarm fired late.  ", null))
                .expectStatus(201);

        JsonNode review = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/v1/reviews/" + review.path("id").asString());
        assertThat(review.path("team").asString()).isEqualTo(team);
        assertThat(review.path("service").asString()).isEqualTo(service);
        assertThat(review.path("notes").asString()).isEqualTo("Error rate fine; alarm fired late.");
        assertThat(review.path("week").asString()).isEqualTo(OperationalReview.weekOf(today()).toString());
        assertThat(review.path("reviewer").asString()).startsWith("token:token-");
        assertThat(Instant.parse(review.path("reviewedAt").asString())).isBetween(clock.instant().minusSeconds(60),
                clock.instant());
        assertThat(api.get(created.header("Location")).asAdmin().send().expectStatus(200).json()).isEqualTo(review);
    }

    @Test
    void a_review_counts_one_toward_its_team_s_principal_reviews() {
        String other = api.createTeam(unique("search"));
        assertThat(principalReviews(team).path("count").asLong()).isZero();

        postReview(review(team, service, "Looked at the ledger", null)).expectStatus(201);
        postReview(review(team, null, "Looked at the whole team", null)).expectStatus(201);

        JsonNode figure = principalReviews(team);
        assertThat(figure.path("value").asDouble()).isEqualTo(2.0);
        assertThat(figure.path("count").asLong()).isEqualTo(2);
        assertThat(principalReviews(other).path("count").asLong()).as("another team's figure").isZero();
    }

    @Test
    void a_week_is_named_by_its_monday_whichever_day_of_it_is_given() {
        postReview(review(team, null, "Thursday's review", "2026-11-26")).expectStatus(201).json();
        postReview(review(team, null, "The week before", "2026-11-16")).expectStatus(201);

        List<JsonNode> week = get("/api/v1/reviews?team=" + team + "&week=2026-11-29");

        assertThat(week).extracting(review -> review.path("notes").asString()).containsExactly("Thursday's review");
        assertThat(week.getFirst().path("week").asString()).isEqualTo("2026-11-23");
    }

    @Test
    void lists_reviews_newest_first_of_one_team() {
        String other = api.createTeam(unique("search"));
        postReview(review(team, null, "first", null)).expectStatus(201);
        clock.advance(Duration.ofSeconds(1));
        postReview(review(team, null, "second", null)).expectStatus(201);
        postReview(review(other, null, "elsewhere", null)).expectStatus(201);

        assertThat(get("/api/v1/reviews?team=" + team)).extracting(review -> review.path("notes").asString())
                .containsExactly("second", "first");
        assertThat(get("/api/v1/reviews?limit=2")).extracting(review -> review.path("notes").asString())
                .containsExactly("elsewhere", "second");
    }

    @Test
    void names_every_offending_field_of_a_review_and_stores_nothing() {
        String other = api.createTeam(unique("search"));
        String theirs = api.createService(unique("search-api"), other);
        long audited = api.newestAuditId();

        postReview(review("Payments", "Ledger", " ", "next week")).expectRefusedAt("/team", "/service", "/notes", "/week");
        postReview(review(team, theirs, "n".repeat(OperationalReview.MAX_NOTES_LENGTH + 1), null))
                .expectRefusedAt("/service", "/notes");
        postReview(review(team, unique("nothing"), "fine", null)).expectRefusedAt("/service");
        postReview(review(unique("nobody"), null, "fine", null)).expectRefusedAt("/team");
        postReview("{\"service\": \"" + service + "\"}").expectRefusedAt("/team", "/notes");

        assertThat(get("/api/v1/reviews?team=" + team)).isEmpty();
        assertThat(principalReviews(team).path("count").asLong()).isZero();
        assertThat(api.newestAuditId()).isEqualTo(audited);
    }

    @Test
    void a_review_whose_figure_the_metric_store_refuses_is_not_kept() {
        MetricStore down = new MetricStore() {
            @Override
            public void write(List<MetricPoint> points) {
                throw new MetricStoreUnavailableException("The store is down", null);
            }

            @Override
            public MetricAggregate aggregate(MetricSelector selector, Aggregation aggregation, Instant from, Instant to) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<SeriesPoint> series(MetricSelector selector, Aggregation aggregation, Instant from, Instant to,
                    Duration step) {
                throw new UnsupportedOperationException();
            }
        };
        OperationalReviews reviews = new OperationalReviews(repository, teams, services, down, callers, audit,
                transactions, clock);
        long audited = api.newestAuditId();

        assertThatThrownBy(() -> callers.runAsSystem(() -> reviews.record(new ReviewDraft(team, service, "Notes", null))))
                .isInstanceOf(MetricStoreUnavailableException.class);

        assertThat(get("/api/v1/reviews?team=" + team)).isEmpty();
        assertThat(api.auditAfter(audited)).extracting(entry -> entry.path("action").asString())
                .containsExactly("REVIEW_RECORDED", "REVIEW_WITHDRAWN");
    }

    @Test
    void adds_an_action_item_with_201_and_lists_it_until_it_is_done() {
        String reviewId = postReview(review(team, service, "Alarm fired late", null)).expectStatus(201).json()
                .path("id").asString();
        String due = today().plusDays(7).toString();

        ApiResponse created = postItem(item(team, service, reviewId, " Alarm on p99 ", " Jonas Weber ", due))
                .expectStatus(201);
        postItem(item(team, null, null, "Runbook", "Mei Chen", today().plusDays(2).toString())).expectStatus(201);

        JsonNode item = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/v1/action-items/" + item.path("id").asString());
        assertThat(item.path("team").asString()).isEqualTo(team);
        assertThat(item.path("service").asString()).isEqualTo(service);
        assertThat(item.path("review").asString()).isEqualTo(reviewId);
        assertThat(item.path("title").asString()).isEqualTo("Alarm on p99");
        assertThat(item.path("owner").asString()).isEqualTo("Jonas Weber");
        assertThat(item.path("due").asString()).isEqualTo(due);
        assertThat(item.path("createdBy").asString()).startsWith("token:token-");
        assertThat(item.has("doneAt")).isFalse();
        assertThat(api.get(created.header("Location")).asAdmin().send().expectStatus(200).json()).isEqualTo(item);
        assertThat(get("/api/v1/action-items?team=" + team + "&open=true"))
                .extracting(open -> open.path("title").asString()).as("due first").containsExactly("Runbook", "Alarm on p99");

        clock.advance(Duration.ofSeconds(1));
        JsonNode done = api.post("/api/v1/action-items/" + item.path("id").asString() + "/done").token(reviewer).send()
                .expectStatus(200).json();

        assertThat(done.path("doneBy").asString()).startsWith("token:token-");
        assertThat(Instant.parse(done.path("doneAt").asString())).isAfter(Instant.parse(item.path("createdAt").asString()));
        assertThat(get("/api/v1/action-items?team=" + team + "&open=true"))
                .extracting(open -> open.path("title").asString()).containsExactly("Runbook");
        assertThat(get("/api/v1/action-items?team=" + team + "&open=false")).containsExactly(done);
        assertThat(get("/api/v1/action-items?team=" + team)).hasSize(2);
    }

    @Test
    void marking_an_item_done_twice_answers_it_as_it_was_and_audits_once() {
        String id = postItem(item(team, null, null, "Runbook", "Mei Chen", "2026-12-31")).expectStatus(201).json()
                .path("id").asString();
        long before = api.newestAuditId();

        JsonNode first = api.post("/api/v1/action-items/" + id + "/done").token(reviewer).send().expectStatus(200).json();
        clock.advance(Duration.ofSeconds(1));
        JsonNode second = api.post("/api/v1/action-items/" + id + "/done").asAdmin().send().expectStatus(200).json();

        assertThat(second).isEqualTo(first);
        assertThat(api.auditAfter(before)).extracting(entry -> entry.path("action").asString())
                .containsExactly("ACTION_ITEM_DONE");
    }

    @Test
    void lists_the_items_added_in_a_week() {
        postItem(item(team, null, null, "This week's", "Mei Chen", "2026-12-31")).expectStatus(201);
        String monday = OperationalReview.weekOf(today()).toString();
        String lastWeek = OperationalReview.weekOf(today()).minusWeeks(1).toString();

        assertThat(get("/api/v1/action-items?team=" + team + "&week=" + monday))
                .extracting(item -> item.path("title").asString()).containsExactly("This week's");
        assertThat(get("/api/v1/action-items?team=" + team + "&week=" + lastWeek)).isEmpty();
    }

    @Test
    void names_every_offending_field_of_an_item_and_stores_nothing() {
        String other = api.createTeam(unique("search"));
        String theirs = api.createService(unique("search-api"), other);
        String theirReview = api.post("/api/v1/reviews").asAdmin().json(review(other, null, "theirs", null)).send()
                .expectStatus(201).json().path("id").asString();
        long audited = api.newestAuditId();

        postItem(item(team, theirs, theirReview, " ", "o".repeat(ActionItem.MAX_OWNER_LENGTH + 1), "31.12.2026"))
                .expectRefusedAt("/service", "/review", "/title", "/owner", "/due");
        postItem(item("Payments", null, "not-an-id", "t".repeat(ActionItem.MAX_TITLE_LENGTH + 1), "Mei", null))
                .expectRefusedAt("/team", "/review", "/title", "/due");
        postItem(item(team, null, null, "Runbook", "Mei", "2026-12-31T10:00:00Z")).expectRefusedAt("/due");
        postItem(item(unique("nobody"), null, null, "Runbook", "Mei", "2026-12-31")).expectRefusedAt("/team");

        assertThat(get("/api/v1/action-items?team=" + team)).isEmpty();
        assertThat(api.newestAuditId()).isEqualTo(audited);
    }

    @Test
    void refuses_invalid_queries_naming_each_parameter() {
        api.get("/api/v1/action-items?team=Payments&open=maybe&week=monday&limit=0").asAdmin().send()
                .expectRefusedAt("team", "open", "week", "limit");
        api.get("/api/v1/reviews?week=2026-13-01&limit=1001").asAdmin().send().expectRefusedAt("week", "limit");
    }

    @Test
    void answers_404_for_reviews_and_items_that_do_not_exist() {
        String id = postItem(item(team, null, null, "Runbook", "Mei Chen", "2026-12-31")).expectStatus(201).json()
                .path("id").asString();

        api.get("/api/v1/reviews/" + java.util.UUID.randomUUID()).asAdmin().send().expectProblem(404);
        api.get("/api/v1/reviews/nothing").asAdmin().send().expectProblem(404);
        api.get("/api/v1/action-items/" + id + "0").asAdmin().send().expectProblem(404);
        api.post("/api/v1/action-items/" + java.util.UUID.randomUUID() + "/done").token(reviewer).send()
                .expectProblem(404);
    }

    @Test
    void needs_review_to_write_and_read_to_read_within_a_bound_token_s_team() {
        String other = api.createTeam(unique("search"));
        String reviewOfOther = api.createToken(other, "review", "read");
        String readOfOther = api.createToken(other, "read");
        String readOnly = api.createToken(null, "read");
        String id = postItem(item(team, null, null, "Runbook", "Mei Chen", "2026-12-31")).expectStatus(201).json()
                .path("id").asString();
        String reviewId = postReview(review(team, null, "fine", null)).expectStatus(201).json().path("id").asString();
        api.post("/api/v1/action-items").token(reviewOfOther).json(item(other, null, null, "Theirs", "Kenji", "2026-12-31"))
                .send().expectStatus(201);

        api.post("/api/v1/reviews").json(review(team, null, "fine", null)).send().expectProblem(401);
        api.post("/api/v1/reviews").token(readOnly).json(review(team, null, "fine", null)).send().expectProblem(403);
        api.post("/api/v1/reviews").token(reviewOfOther).json(review(team, null, "fine", null)).send().expectProblem(403);
        api.post("/api/v1/action-items").token(reviewOfOther).json(item(team, null, null, "T", "O", "2026-12-31")).send()
                .expectProblem(403);
        api.post("/api/v1/action-items/" + id + "/done").token(reviewOfOther).send().expectProblem(403);
        api.post("/api/v1/action-items/" + id + "/done").token(readOnly).send().expectProblem(403);
        api.get("/api/v1/reviews/" + reviewId).token(readOfOther).send().expectProblem(403);
        api.get("/api/v1/action-items/" + id).token(readOfOther).send().expectProblem(403);
        api.get("/api/v1/action-items?team=" + team).token(readOfOther).send().expectProblem(403);
        api.get("/api/v1/reviews?team=" + team).token(readOfOther).send().expectProblem(403);

        assertThat(api.get("/api/v1/action-items").token(readOfOther).send().expectStatus(200).json().values())
                .as("a bound token lists its own team's items only")
                .allSatisfy(item -> assertThat(item.path("team").asString()).isEqualTo(other)).hasSize(1);
        assertThat(api.get("/api/v1/reviews").token(readOfOther).send().expectStatus(200).json().values()).isEmpty();
        assertThat(get("/api/v1/action-items?team=" + team + "&open=true")).hasSize(1);
    }

    @Test
    void audits_reviews_and_items_naming_who_made_them() {
        long before = api.newestAuditId();

        String reviewId = postReview(review(team, service, "Alarm fired late", "2026-11-25")).expectStatus(201).json()
                .path("id").asString();
        String id = postItem(item(team, service, reviewId, "Alarm on p99", "Jonas Weber", "2026-12-04")).expectStatus(201)
                .json().path("id").asString();
        api.post("/api/v1/action-items/" + id + "/done").token(reviewer).send().expectStatus(200);

        List<JsonNode> entries = api.auditAfter(before);
        assertThat(entries).extracting(entry -> entry.path("action").asString())
                .containsExactly("REVIEW_RECORDED", "ACTION_ITEM_ADDED", "ACTION_ITEM_DONE");
        assertThat(entries).extracting(entry -> entry.path("targetId").asString()).containsExactly(reviewId, id, id);
        assertThat(entries).allSatisfy(entry -> assertThat(entry.path("actor").asString()).startsWith("token:token-"));
        assertThat(entries.get(0).path("detail").asString()).contains("team=" + team, "service=" + service,
                "week=2026-11-23");
        assertThat(entries.get(1).path("detail").asString()).contains("owner=Jonas Weber", "due=2026-12-04");
    }

    @Test
    void the_openapi_document_describes_the_review_endpoints() {
        JsonNode paths = api.get("/v3/api-docs").asAdmin().send().expectStatus(200).json().path("paths");

        assertThat(paths.propertyNames()).contains("/api/v1/reviews", "/api/v1/reviews/{id}", "/api/v1/action-items",
                "/api/v1/action-items/{id}", "/api/v1/action-items/{id}/done");
        assertThat(paths.path("/api/v1/reviews").path("post").path("responses").propertyNames())
                .contains("201", "400", "401", "403").doesNotContain("200");
        assertThat(paths.path("/api/v1/action-items").path("post").path("responses").propertyNames())
                .contains("201", "400").doesNotContain("200");
        assertThat(paths.path("/api/v1/action-items/{id}/done").path("post").path("responses").propertyNames())
                .contains("200", "401", "403", "404");
        assertThat(paths.path("/api/v1/action-items").path("get").path("parameters").values())
                .extracting(parameter -> parameter.path("name").asString()).contains("team", "open", "week", "limit");
    }
}
