package dev.tollgate.gate;

import static dev.tollgate.db.Tables.GATE_EVALUATION;
import static dev.tollgate.db.Tables.GATE_THRESHOLD_FAILURE;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Insert;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.tollgate.api.GeneratedIds;
import dev.tollgate.rules.GateDecision.FailedThreshold;
import dev.tollgate.rules.RuleOutcome;
import dev.tollgate.rules.Verdict;
import dev.tollgate.storage.RenderedWrite;
import dev.tollgate.storage.RenderedQuery;
import dev.tollgate.storage.WriteRefusals;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Every gate evaluation as answered ({@code gate_evaluation}), and the THRESHOLD failures among them. */
@Repository
class GateEvaluationRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<RuleOutcome>> OUTCOMES = new TypeReference<>() {
    };

    private final DSLContext db;
    private final RenderedWrite insertEvaluation;

    /** Read on every evaluation into a stage after the first: rendered once (see {@link RenderedQuery}). */
    private final RenderedQuery thresholdFailures;

    GateEvaluationRepository(DSLContext db, WriteRefusals refusals) {
        this.db = db;
        this.insertEvaluation = new RenderedWrite(db, insertEvaluation(db), refusals);
        this.thresholdFailures = new RenderedQuery(db, db.selectDistinct(GATE_THRESHOLD_FAILURE.RULE_ID)
                .from(GATE_THRESHOLD_FAILURE)
                .where(GATE_THRESHOLD_FAILURE.SERVICE.eq((String) null)).and(GATE_THRESHOLD_FAILURE.STAGE.eq((String) null))
                .and(GATE_THRESHOLD_FAILURE.FAILED_AT.ge((Instant) null))
                .orderBy(GATE_THRESHOLD_FAILURE.RULE_ID));
    }

    /** Which evaluations a list shows; null fields do not narrow it, {@code teams} null means every team. */
    record Filter(String service, String stage, Verdict.Decision verdict, Instant from, Instant to, Set<String> teams,
            int limit) {
    }

    /**
     * An evaluation as it is stored: with its service's team, who asked, the THRESHOLD rules that
     * failed it, and its results as the JSON of their column.
     */
    record EvaluationRow(GateEvaluation evaluation, String team, String askedBy, List<FailedThreshold> failed,
            String resultsJson) {

        /**
         * The row of {@code evaluation}, its results written as JSON now: on the asker's thread,
         * not under the recorder's lock, where every evaluation of a commit group waits for it.
         */
        static EvaluationRow of(GateEvaluation evaluation, String team, String askedBy, List<FailedThreshold> failed) {
            return new EvaluationRow(evaluation, team, askedBy, failed, JSON.writeValueAsString(evaluation.results()));
        }
    }

    /**
     * Stores the evaluations, in the caller's transaction: under load the gate records a group of
     * them a commit. Their rows go in as one JDBC batch of an insert rendered once
     * ({@link RenderedWrite}).
     */
    void saveAll(List<EvaluationRow> rows) {
        insertEvaluation.execute(rows.stream().map(GateEvaluationRepository::values).toList());
        var failures = db.insertInto(GATE_THRESHOLD_FAILURE, GATE_THRESHOLD_FAILURE.SERVICE, GATE_THRESHOLD_FAILURE.STAGE,
                GATE_THRESHOLD_FAILURE.RULE_ID, GATE_THRESHOLD_FAILURE.FAILED_AT, GATE_THRESHOLD_FAILURE.EVALUATION_ID);
        boolean anyFailed = false;
        for (EvaluationRow row : rows) {
            GateEvaluation evaluation = row.evaluation();
            for (FailedThreshold failure : row.failed()) {
                failures = failures.values(evaluation.service(), failure.stage(), failure.rule(), evaluation.evaluatedAt(),
                        evaluation.id());
                anyFailed = true;
            }
        }
        if (anyFailed) {
            failures.execute();
        }
    }

    /** The values of {@link #insertEvaluation}, in the order of its columns. */
    private static Object[] values(EvaluationRow row) {
        GateEvaluation evaluation = row.evaluation();
        AppliedOverride override = evaluation.override();
        return new Object[] { evaluation.id(), evaluation.service(), row.team(), evaluation.version(), evaluation.stage(),
                evaluation.sourceStage(), evaluation.pipelineRun(), evaluation.verdict().name(), evaluation.retryAfter(),
                evaluation.evaluatedAt(), (int) Math.min(Integer.MAX_VALUE, evaluation.durationMs()),
                row.resultsJson(),
                evaluation.warnings().isEmpty() ? null : String.join("\n", evaluation.warnings()),
                override == null ? null : override.id(), override == null ? null : override.by(),
                override == null ? null : override.reason(), override == null ? null : override.expiresAt(),
                override == null ? null : override.overriddenVerdict().name(), row.askedBy() };
    }

    /** The insert of one evaluation's row, with a placeholder for each of its values (see {@link #values}). */
    private static Insert<?> insertEvaluation(DSLContext db) {
        return db.insertInto(GATE_EVALUATION, GATE_EVALUATION.ID, GATE_EVALUATION.SERVICE, GATE_EVALUATION.TEAM,
                GATE_EVALUATION.VERSION, GATE_EVALUATION.STAGE, GATE_EVALUATION.SOURCE_STAGE, GATE_EVALUATION.PIPELINE_RUN,
                GATE_EVALUATION.VERDICT, GATE_EVALUATION.RETRY_AFTER_SECONDS, GATE_EVALUATION.EVALUATED_AT,
                GATE_EVALUATION.DURATION_MS, GATE_EVALUATION.RESULTS, GATE_EVALUATION.WARNINGS, GATE_EVALUATION.OVERRIDE_ID,
                GATE_EVALUATION.OVERRIDE_BY, GATE_EVALUATION.OVERRIDE_REASON, GATE_EVALUATION.OVERRIDE_EXPIRES_AT,
                GATE_EVALUATION.OVERRIDDEN_VERDICT, GATE_EVALUATION.ASKED_BY)
                .values((String) null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null);
    }

    Optional<GateEvaluation> find(String id) {
        if (!GeneratedIds.isValid(id)) {
            return Optional.empty();
        }
        return db.selectFrom(GATE_EVALUATION).where(GATE_EVALUATION.ID.eq(id)).fetchOptional(row -> read(row));
    }

    /** The team of the service when it was asked (null for an unowned service). */
    Optional<String> teamOf(String id) {
        return db.select(GATE_EVALUATION.TEAM).from(GATE_EVALUATION).where(GATE_EVALUATION.ID.eq(id))
                .fetchOptional(GATE_EVALUATION.TEAM);
    }

    /** Newest first. */
    List<GateEvaluation> list(Filter filter) {
        Condition where = DSL.trueCondition();
        if (filter.service() != null) {
            where = where.and(GATE_EVALUATION.SERVICE.eq(filter.service()));
        }
        if (filter.stage() != null) {
            where = where.and(GATE_EVALUATION.STAGE.eq(filter.stage()));
        }
        if (filter.verdict() != null) {
            where = where.and(GATE_EVALUATION.VERDICT.eq(filter.verdict().name()));
        }
        if (filter.from() != null) {
            where = where.and(GATE_EVALUATION.EVALUATED_AT.ge(filter.from()));
        }
        if (filter.to() != null) {
            where = where.and(GATE_EVALUATION.EVALUATED_AT.lt(filter.to()));
        }
        if (filter.teams() != null) {
            where = where.and(GATE_EVALUATION.TEAM.in(filter.teams()));
        }
        return db.selectFrom(GATE_EVALUATION).where(where)
                .orderBy(GATE_EVALUATION.EVALUATED_AT.desc(), GATE_EVALUATION.ID.desc())
                .limit(filter.limit()).fetch(row -> read(row));
    }

    /**
     * How often the gate answered what over {@code [from, to)} for a team's services (as owned when
     * asked) or one service: one grouped count, whatever the number of evaluations.
     */
    GateTally tally(String team, String service, Instant from, Instant to) {
        Condition where = GATE_EVALUATION.EVALUATED_AT.ge(from).and(GATE_EVALUATION.EVALUATED_AT.lt(to))
                .and(service != null ? GATE_EVALUATION.SERVICE.eq(service) : GATE_EVALUATION.TEAM.eq(team));
        var overridden = GATE_EVALUATION.OVERRIDE_ID.isNotNull();
        int[] counts = new int[Verdict.Decision.values().length];
        int[] overrides = { 0 };
        db.select(GATE_EVALUATION.VERDICT, overridden.as("overridden"), DSL.count()).from(GATE_EVALUATION).where(where)
                .groupBy(GATE_EVALUATION.VERDICT, overridden)
                .forEach(row -> {
                    int count = row.value3();
                    counts[Verdict.Decision.valueOf(row.value1()).ordinal()] += count;
                    if (Boolean.TRUE.equals(row.value2())) {
                        overrides[0] += count;
                    }
                });
        return new GateTally(Arrays.stream(counts).sum(), counts[Verdict.Decision.PROMOTE.ordinal()],
                counts[Verdict.Decision.WAIT.ordinal()], counts[Verdict.Decision.STOP.ordinal()],
                counts[Verdict.Decision.ROLLBACK.ordinal()], overrides[0]);
    }

    /** The latest evaluation per stage of a service: what the service view shows beside each stage. */
    List<GateEvaluation> latestPerStage(String service) {
        var latest = db.select(GATE_EVALUATION.STAGE, DSL.max(GATE_EVALUATION.EVALUATED_AT).as("at"))
                .from(GATE_EVALUATION).where(GATE_EVALUATION.SERVICE.eq(service))
                .groupBy(GATE_EVALUATION.STAGE).asTable("latest");
        return db.select(GATE_EVALUATION.fields()).from(GATE_EVALUATION)
                .join(latest).on(GATE_EVALUATION.STAGE.eq(latest.field(GATE_EVALUATION.STAGE))
                        .and(GATE_EVALUATION.EVALUATED_AT.eq(latest.field("at", Instant.class))))
                .where(GATE_EVALUATION.SERVICE.eq(service))
                .orderBy(GATE_EVALUATION.STAGE, GATE_EVALUATION.ID.desc())
                .fetch(row -> read(row));
    }

    List<String> thresholdFailuresSince(String service, String stage, Instant since) {
        return thresholdFailures.list(row -> row.getString(1), service, stage, since);
    }

    private static GateEvaluation read(Record record) {
        var row = record.into(GATE_EVALUATION);
        AppliedOverride override = row.getOverrideId() == null ? null
                : new AppliedOverride(row.getOverrideId(), row.getOverrideBy(), row.getOverrideReason(),
                        row.getOverrideExpiresAt(), Verdict.Decision.valueOf(row.getOverriddenVerdict()));
        return new GateEvaluation(row.getId(), row.getService(), row.getVersion(), row.getStage(), row.getSourceStage(),
                Verdict.Decision.valueOf(row.getVerdict()), row.getRetryAfterSeconds(), row.getEvaluatedAt(),
                row.getDurationMs(), row.getPipelineRun(), JSON.readValue(row.getResults(), OUTCOMES),
                row.getWarnings() == null ? List.of() : Arrays.asList(row.getWarnings().split("\n")), override);
    }
}
