package dev.tollgate.gate;

import static dev.tollgate.db.Tables.GATE_WEBHOOK;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import dev.tollgate.db.tables.records.GateWebhookRecord;
import dev.tollgate.rules.Verdict;

/** One webhook per team ({@code gate_webhook}); the secret is read only for a delivery. */
@Repository
class TeamWebhookRepository {

    private final DSLContext db;

    TeamWebhookRepository(DSLContext db) {
        this.db = db;
    }

    Optional<TeamWebhook> find(String team) {
        return db.selectFrom(GATE_WEBHOOK).where(GATE_WEBHOOK.TEAM_ID.eq(team)).fetchOptional(row -> new TeamWebhook(
                row.getTeamId(), TeamWebhook.shown(row.getUrl()), WebhookFormat.valueOf(row.getFormat()), List.copyOf(verdicts(row)),
                row.getSecret() != null, row.getUpdatedAt(), row.getUpdatedBy()));
    }

    Optional<WebhookTarget> target(String team) {
        return db.selectFrom(GATE_WEBHOOK).where(GATE_WEBHOOK.TEAM_ID.eq(team)).fetchOptional(row -> new WebhookTarget(
                row.getTeamId(), URI.create(row.getUrl()), WebhookFormat.valueOf(row.getFormat()), verdicts(row),
                row.getSecret()));
    }

    void insert(WebhookTarget target, Instant at, String by) {
        db.insertInto(GATE_WEBHOOK).set(record(target, at, by)).execute();
    }

    void update(WebhookTarget target, Instant at, String by) {
        db.update(GATE_WEBHOOK).set(record(target, at, by)).where(GATE_WEBHOOK.TEAM_ID.eq(target.team())).execute();
    }

    boolean delete(String team) {
        return db.deleteFrom(GATE_WEBHOOK).where(GATE_WEBHOOK.TEAM_ID.eq(team)).execute() == 1;
    }

    private GateWebhookRecord record(WebhookTarget target, Instant at, String by) {
        GateWebhookRecord row = db.newRecord(GATE_WEBHOOK);
        row.setTeamId(target.team());
        row.setUrl(target.url().toString());
        row.setFormat(target.format().name());
        // In the order of their strength, whatever order they were given in.
        row.setVerdicts(EnumSet.copyOf(target.verdicts()).stream().map(Enum::name).collect(Collectors.joining(",")));
        row.setSecret(target.secret());
        row.setUpdatedAt(at);
        row.setUpdatedBy(by);
        return row;
    }

    private static Set<Verdict.Decision> verdicts(GateWebhookRecord row) {
        return Arrays.stream(row.getVerdicts().split(",")).map(Verdict.Decision::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Verdict.Decision.class)));
    }
}
