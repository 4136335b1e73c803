package dev.tollgate.gate;

import static dev.tollgate.db.Tables.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import dev.tollgate.rules.Verdict.Decision;
import dev.tollgate.testing.RepositoryContract;

/**
 * The team webhook repository against a real database, migrated by db/migration: on H2
 * ({@link TeamWebhookRepositoryOnH2IT}) and on PostgreSQL ({@link TeamWebhookRepositoryOnPostgresIT}).
 * Each test runs in a transaction that is rolled back.
 */
abstract class TeamWebhookRepositoryContract extends RepositoryContract {

    /** Microseconds: the precision both databases keep. */
    private static final Instant SET = Instant.parse("2026-11-26T10:00:00.123456Z");
    private static final Instant RESET = Instant.parse("2026-11-26T11:30:00.654321Z");
    private static final String URL = "https://hooks.slack.com/services/T0/B0/" + "x".repeat(1900);

    private TeamWebhookRepository webhooks;

    @Override
    protected void connect(DSLContext db) {
        webhooks = new TeamWebhookRepository(db);
    }

    @Override
    protected void seed(DSLContext db) {
        for (String team : List.of("payments", "search")) {
            db.insertInto(TEAM, TEAM.ID, TEAM.NAME, TEAM.CREATED_AT, TEAM.UPDATED_AT).values(team, team, SET, SET).execute();
        }
    }

    @Test
    void a_webhook_reads_back_with_its_origin_only_and_its_url_and_secret_only_for_a_delivery() {
        String secret = "s".repeat(TeamWebhook.MAX_SECRET_LENGTH);
        webhooks.insert(new WebhookTarget("payments", URI.create(URL), WebhookFormat.SLACK,
                EnumSet.of(Decision.ROLLBACK, Decision.WAIT), secret), SET, "token:admin");

        assertThat(webhooks.find("payments")).contains(new TeamWebhook("payments", "https://hooks.slack.com/…", WebhookFormat.SLACK,
                List.of(Decision.WAIT, Decision.ROLLBACK), true, SET, "token:admin"));
        WebhookTarget target = webhooks.target("payments").orElseThrow();
        assertThat(target.secret()).isEqualTo(secret);
        assertThat(target.url()).isEqualTo(URI.create(URL));
        assertThat(webhooks.find("search")).isEmpty();
        assertThat(webhooks.target("search")).isEmpty();
    }

    @Test
    void replacing_a_webhook_replaces_all_of_it_the_secret_too() {
        webhooks.insert(new WebhookTarget("payments", URI.create(URL), WebhookFormat.SLACK, TeamWebhook.DEFAULT_VERDICTS,
                "a-secret-of-sixteen"), SET, "token:admin");

        webhooks.update(new WebhookTarget("payments", URI.create("http://hooks.internal:8080/tollgate"), WebhookFormat.JSON,
                EnumSet.of(Decision.STOP), null), RESET, "user:lead");

        assertThat(webhooks.find("payments")).contains(new TeamWebhook("payments", "http://hooks.internal:8080/…",
                WebhookFormat.JSON, List.of(Decision.STOP), false, RESET, "user:lead"));
        assertThat(webhooks.target("payments").orElseThrow().secret()).isNull();
    }

    @Test
    void deleting_says_whether_there_was_a_webhook() {
        webhooks.insert(new WebhookTarget("payments", URI.create(URL), WebhookFormat.JSON, TeamWebhook.DEFAULT_VERDICTS,
                null), SET, "token:admin");

        assertThat(webhooks.delete("payments")).isTrue();
        assertThat(webhooks.delete("payments")).isFalse();
        assertThat(webhooks.find("payments")).isEmpty();
    }

    @Test
    void a_webhook_goes_with_its_team() {
        webhooks.insert(new WebhookTarget("search", URI.create(URL), WebhookFormat.JSON, TeamWebhook.DEFAULT_VERDICTS,
                null), SET, "token:admin");

        dsl().deleteFrom(TEAM).where(TEAM.ID.eq("search")).execute();

        assertThat(webhooks.find("search")).isEmpty();
    }
}
