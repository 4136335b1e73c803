package dev.tollgate.delivery;

import static dev.tollgate.db.Tables.DEPLOYMENT;
import static dev.tollgate.db.Tables.DEPLOYMENT_STATUS;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.tollgate.storage.RenderedQuery;

@Repository
class DeploymentRepository {

    /** Newest first: by when the deployment began, then by when Tollgate stored it. */
    private static final List<SortField<?>> NEWEST_FIRST = List.of(DEPLOYMENT.STARTED_AT.desc(),
            DEPLOYMENT.CREATED_AT.desc(), DEPLOYMENT.ID.desc());

    private final DSLContext db;
    private final Field<List<StatusChange>> history = multiset(
            select(DEPLOYMENT_STATUS.STATUS, DEPLOYMENT_STATUS.STATUS_TIME).from(DEPLOYMENT_STATUS)
                    .where(DEPLOYMENT_STATUS.DEPLOYMENT_ID.eq(DEPLOYMENT.ID))
                    .orderBy(DEPLOYMENT_STATUS.POSITION))
            .as("history")
            .convertFrom(result -> result.map(r -> new StatusChange(DeploymentStatus.valueOf(r.value1()), r.value2())));

    /** The gate's reads, on every evaluation: rendered once (see {@link RenderedQuery}). */
    private final RenderedQuery newestStatus;
    private final RenderedQuery finishedStatuses;

    DeploymentRepository(DSLContext db) {
        this.db = db;
        this.newestStatus = new RenderedQuery(db, db.select(DEPLOYMENT.STATUS, DEPLOYMENT.STATUS_TIME).from(DEPLOYMENT)
                .where(DEPLOYMENT.SERVICE_ID.eq((String) null)).and(DEPLOYMENT.STAGE.eq((String) null))
                .and(DEPLOYMENT.VERSION.eq((String) null))
                .orderBy(NEWEST_FIRST).limit(DSL.inline(1)));
        this.finishedStatuses = new RenderedQuery(db, db.select(DEPLOYMENT.STATUS).from(DEPLOYMENT)
                .where(DEPLOYMENT.SERVICE_ID.eq((String) null)).and(DEPLOYMENT.STAGE.eq((String) null))
                .and(DEPLOYMENT.FINISHED_AT.ge((Instant) null)).and(DEPLOYMENT.FINISHED_AT.lt((Instant) null)));
    }

    /** A version, service and stage: what names a deployment reported without an id. */
    record VersionInStage(String service, String stage, String version) {
    }

    /** One status change to store: {@code position} counts the deployment's changes from 0. */
    record StatusRow(String deploymentId, int position, StatusChange change, Instant recordedAt) {
    }

    List<Deployment> findByIds(Collection<String> ids) {
        List<Deployment> found = new ArrayList<>();
        for (List<String> chunk : StatementRows.split(ids)) {
            found.addAll(deployments(DEPLOYMENT.ID.in(chunk)).fetch(this::toDeployment));
        }
        return found;
    }

    /** Every deployment of these versions, newest first. */
    List<Deployment> findByVersions(Collection<VersionInStage> versions) {
        List<Deployment> found = new ArrayList<>();
        for (List<VersionInStage> chunk : StatementRows.split(versions)) {
            Condition condition = row(DEPLOYMENT.SERVICE_ID, DEPLOYMENT.STAGE, DEPLOYMENT.VERSION)
                    .in(chunk.stream().map(v -> row(v.service(), v.stage(), v.version())).toList());
            found.addAll(deployments(condition).fetch(this::toDeployment));
        }
        found.sort(Comparator.comparing(Deployment::startedAt).thenComparing(Deployment::createdAt)
                .thenComparing(Deployment::id).reversed());
        return found;
    }

    /**
     * Newest first. {@code service} and {@code stage} filter when not null; {@code onlyServices}
     * limits the list to some services when not null.
     */
    List<Deployment> find(String service, String stage, Collection<String> onlyServices, int limit) {
        Condition condition = DSL.noCondition();
        if (service != null) {
            condition = condition.and(DEPLOYMENT.SERVICE_ID.eq(service));
        }
        if (stage != null) {
            condition = condition.and(DEPLOYMENT.STAGE.eq(stage));
        }
        if (onlyServices != null) {
            condition = condition.and(DEPLOYMENT.SERVICE_ID.in(onlyServices));
        }
        return deployments(condition).orderBy(NEWEST_FIRST).limit(limit).fetch(this::toDeployment);
    }

    /** The newest deployment of each stage of a service. */
    List<Deployment> findLatestPerStage(String service) {
        var ranked = DSL.select(DEPLOYMENT.ID, rowNumber().over()
                        .partitionBy(DEPLOYMENT.STAGE).orderBy(NEWEST_FIRST).as("rank"))
                .from(DEPLOYMENT)
                .where(DEPLOYMENT.SERVICE_ID.eq(service))
                .asTable("ranked");
        return deployments(DEPLOYMENT.ID.in(select(ranked.field(DEPLOYMENT.ID)).from(ranked)
                        .where(ranked.field("rank", Integer.class).eq(1))))
                .orderBy(DEPLOYMENT.STAGE).fetch(this::toDeployment);
    }

    /** Deployments of a service in a stage that finished in {@code [from, to)}, oldest first. */
    List<Deployment> findFinishedBetween(String service, String stage, Instant from, Instant to) {
        return deployments(DEPLOYMENT.SERVICE_ID.eq(service).and(DEPLOYMENT.STAGE.eq(stage))
                        .and(DEPLOYMENT.FINISHED_AT.ge(from)).and(DEPLOYMENT.FINISHED_AT.lt(to)))
                .orderBy(DEPLOYMENT.FINISHED_AT, DEPLOYMENT.CREATED_AT, DEPLOYMENT.ID)
                .fetch(this::toDeployment);
    }

    /** The status of each deployment of a service in a stage that finished in {@code [from, to)}. */
    List<DeploymentStatus> findFinishedStatusesBetween(String service, String stage, Instant from, Instant to) {
        return finishedStatuses.list(row -> DeploymentStatus.valueOf(row.getString(1)), service, stage, from, to);
    }

    /**
     * What the DORA figures of {@code [from, to)} read of each service's deployments in one stage
     * ({@code stages}: service to stage), with their histories, in no order: every deployment with
     * a status change in {@code [from, to]}, found as one whose latest change is not before
     * {@code from} and whose earliest is not after {@code to}; and, of each service, the deployment
     * that finished last before {@code from}. Read as of any time in the window, a deployment that
     * had finished by then is one of these or finished before the last of them, so this is every
     * deployment a window (or a bucket of it) needs, its failures' restoration and the deployment
     * before its first, which rework asks about. One statement per {@link StatementRows#MAX_ROWS}
     * services, after a look-up of each service's last deployment before the window.
     */
    List<Deployment> findAroundWindow(Map<String, String> stages, Instant from, Instant to) {
        List<Deployment> found = new ArrayList<>();
        for (List<Map.Entry<String, String>> chunk : StatementRows.split(stages.entrySet())) {
            var inStage = row(DEPLOYMENT.SERVICE_ID, DEPLOYMENT.STAGE)
                    .in(chunk.stream().map(entry -> row(entry.getKey(), entry.getValue())).toList());
            Condition changedInWindow = DEPLOYMENT.STATUS_TIME.ge(from).and(exists(selectOne().from(DEPLOYMENT_STATUS)
                    .where(DEPLOYMENT_STATUS.DEPLOYMENT_ID.eq(DEPLOYMENT.ID))
                    .and(DEPLOYMENT_STATUS.STATUS_TIME.le(to))));
            List<String> lastBeforeIds = new ArrayList<>();
            for (Map.Entry<String, String> serviceStage : chunk) {
                lastBefore(serviceStage.getKey(), serviceStage.getValue(), from).ifPresent(lastBeforeIds::add);
            }
            Condition lastBefore = DEPLOYMENT.ID.in(lastBeforeIds);
            found.addAll(deployments(inStage.and(changedInWindow.or(lastBefore))).fetch(this::toDeployment));
        }
        return found;
    }

    /**
     * The id of the last deployment of a service in a stage that finished before {@code from}: one
     * step down the (service, stage, finished_at) index. Ranking every earlier deployment instead
     * cost more the longer the history before the window (a 7-day scorecard read 110 ms here).
     */
    private Optional<String> lastBefore(String service, String stage, Instant from) {
        return db.select(DEPLOYMENT.ID).from(DEPLOYMENT)
                .where(DEPLOYMENT.SERVICE_ID.eq(service)).and(DEPLOYMENT.STAGE.eq(stage)).and(DEPLOYMENT.FINISHED_AT.lt(from))
                .orderBy(DEPLOYMENT.FINISHED_AT.desc(), DEPLOYMENT.CREATED_AT.desc(), DEPLOYMENT.ID.desc())
                .limit(1).fetchOptional(DEPLOYMENT.ID);
    }

    Optional<Deployment> findNewest(String service, String stage, String version) {
        Condition condition = DEPLOYMENT.SERVICE_ID.eq(service).and(DEPLOYMENT.STAGE.eq(stage));
        if (version != null) {
            condition = condition.and(DEPLOYMENT.VERSION.eq(version));
        }
        return newest(condition);
    }

    /**
     * The status of the newest deployment of this version of a service in a stage, and when it
     * took it: the gate's question on every evaluation, read without the history a whole
     * deployment carries (a second query per row).
     */
    Optional<StatusChange> findNewestStatus(String service, String stage, String version) {
        return newestStatus.first(row -> new StatusChange(DeploymentStatus.valueOf(row.getString(1)),
                RenderedQuery.instant(row, 2)), service, stage, version);
    }

    /** The newest deployment of a service in a stage among those that had started by {@code at}. */
    Optional<Deployment> findNewestStartedBy(String service, String stage, Instant at) {
        return newest(DEPLOYMENT.SERVICE_ID.eq(service).and(DEPLOYMENT.STAGE.eq(stage)).and(DEPLOYMENT.STARTED_AT.le(at)));
    }

    private Optional<Deployment> newest(Condition condition) {
        return deployments(condition).orderBy(NEWEST_FIRST).limit(1).fetchOptional(this::toDeployment);
    }

    /**
     * Stores new deployments, without their history; {@code keyedByVersion} holds the ids of those
     * reported without one.
     */
    void insert(Collection<Deployment> deployments, Set<String> keyedByVersion) {
        for (List<Deployment> chunk : StatementRows.split(deployments)) {
            insertChunk(chunk, keyedByVersion);
        }
    }

    private void insertChunk(List<Deployment> deployments, Set<String> keyedByVersion) {
        var insert = db.insertInto(DEPLOYMENT, DEPLOYMENT.ID, DEPLOYMENT.SERVICE_ID, DEPLOYMENT.STAGE, DEPLOYMENT.VERSION,
                DEPLOYMENT.KEYED_BY_VERSION, DEPLOYMENT.STATUS, DEPLOYMENT.STATUS_TIME, DEPLOYMENT.STARTED_AT,
                DEPLOYMENT.FINISHED_AT, DEPLOYMENT.COMMIT_ID, DEPLOYMENT.COMMIT_TIME, DEPLOYMENT.PIPELINE_RUN,
                DEPLOYMENT.CREATED_AT, DEPLOYMENT.UPDATED_AT);
        for (Deployment d : deployments) {
            insert = insert.values(d.id(), d.service(), d.stage(), d.version(),
                    keyedByVersion.contains(d.id()) ? Boolean.TRUE : null, d.status().name(), d.time(), d.startedAt(),
                    d.finishedAt(), d.commit(), d.commitTime(), d.pipelineRun(), d.createdAt(), d.updatedAt());
        }
        insert.execute();
    }

    /** Stores what may change of existing deployments: all but their identity and creation. */
    void update(Collection<Deployment> deployments) {
        if (deployments.isEmpty()) {
            return;
        }
        // One batch: each statement binds few values, and the driver sends them together.
        db.batch(deployments.stream().map(d -> db.update(DEPLOYMENT)
                        .set(DEPLOYMENT.STATUS, d.status().name())
                        .set(DEPLOYMENT.STATUS_TIME, d.time())
                        .set(DEPLOYMENT.STARTED_AT, d.startedAt())
                        .set(DEPLOYMENT.FINISHED_AT, d.finishedAt())
                        .set(DEPLOYMENT.COMMIT_ID, d.commit())
                        .set(DEPLOYMENT.COMMIT_TIME, d.commitTime())
                        .set(DEPLOYMENT.PIPELINE_RUN, d.pipelineRun())
                        .set(DEPLOYMENT.UPDATED_AT, d.updatedAt())
                        .where(DEPLOYMENT.ID.eq(d.id())))
                .toList()).execute();
    }

    void insertHistory(Collection<StatusRow> rows) {
        for (List<StatusRow> chunk : StatementRows.split(rows)) {
            var insert = db.insertInto(DEPLOYMENT_STATUS, DEPLOYMENT_STATUS.DEPLOYMENT_ID, DEPLOYMENT_STATUS.POSITION,
                    DEPLOYMENT_STATUS.STATUS, DEPLOYMENT_STATUS.STATUS_TIME, DEPLOYMENT_STATUS.RECORDED_AT);
            for (StatusRow row : chunk) {
                insert = insert.values(row.deploymentId(), row.position(), row.change().status().name(),
                        row.change().time(), row.recordedAt());
            }
            insert.execute();
        }
    }

    private org.jooq.SelectConditionStep<Record> deployments(Condition condition) {
        return db.select(DEPLOYMENT.asterisk(), history).from(DEPLOYMENT).where(condition);
    }

    private Deployment toDeployment(Record r) {
        return new Deployment(r.get(DEPLOYMENT.ID), r.get(DEPLOYMENT.SERVICE_ID), r.get(DEPLOYMENT.STAGE),
                r.get(DEPLOYMENT.VERSION), DeploymentStatus.valueOf(r.get(DEPLOYMENT.STATUS)), r.get(DEPLOYMENT.STATUS_TIME),
                r.get(DEPLOYMENT.STARTED_AT), r.get(DEPLOYMENT.FINISHED_AT), r.get(DEPLOYMENT.COMMIT_ID),
                r.get(DEPLOYMENT.COMMIT_TIME), r.get(DEPLOYMENT.PIPELINE_RUN), r.get(history), r.get(DEPLOYMENT.CREATED_AT),
                r.get(DEPLOYMENT.UPDATED_AT));
    }
}
