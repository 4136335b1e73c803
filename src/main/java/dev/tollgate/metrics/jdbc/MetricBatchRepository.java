package dev.tollgate.metrics.jdbc;

import static dev.tollgate.db.Tables.METRIC_BATCH;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.impl.DSL;

import dev.tollgate.storage.RenderedWrite;

/** The write-ahead table {@code metric_batch}: one row per write request. */
final class MetricBatchRepository {

    /** Ids per statement when many batches are named at once. */
    private static final int CHUNK = 1_000;

    private static final Field<byte[]> PAYLOAD = BytesBinding.bytes(METRIC_BATCH.PAYLOAD);

    private final DSLContext db;

    MetricBatchRepository(DSLContext db) {
        this.db = db;
    }

    /** Inserts a batch through {@code insert} ({@link #insertStatement}); answers its id. */
    long insert(RenderedWrite insert, Instant receivedAt, int pointCount, byte[] payload) {
        return insert.insertReturningKey(db, METRIC_BATCH.ID.getName(), receivedAt, pointCount, payload);
    }

    /** The insert of a batch: its time, its point count and its payload. */
    static Query insertStatement(DSLContext db) {
        return db.insertInto(METRIC_BATCH)
                .set(METRIC_BATCH.RECEIVED_AT, (Instant) null)
                .set(METRIC_BATCH.POINT_COUNT, (Integer) null)
                .set(PAYLOAD, (byte[]) null)
                .set(METRIC_BATCH.ROLLED_UP, DSL.inline(false));
    }

    /** The batches whose points are not in the rollups yet, in id order. */
    List<Long> pendingIds() {
        return db.select(METRIC_BATCH.ID).from(METRIC_BATCH)
                .where(METRIC_BATCH.ROLLED_UP.isFalse())
                .orderBy(METRIC_BATCH.ID)
                .fetch(METRIC_BATCH.ID);
    }

    /** Hands {@code consumer} the payload of each batch of {@code ids}, in id order. */
    void forEachPayload(List<Long> ids, BiConsumer<Long, byte[]> consumer) {
        for (int from = 0; from < ids.size(); from += 100) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 100));
            db.select(METRIC_BATCH.ID, PAYLOAD).from(METRIC_BATCH)
                    .where(METRIC_BATCH.ID.in(chunk))
                    .orderBy(METRIC_BATCH.ID)
                    .forEach(row -> consumer.accept(row.value1(), row.value2()));
        }
    }

    /** How many of {@code ids} are marked rolled up. */
    int countRolledUp(long[] ids) {
        int count = 0;
        for (List<Long> chunk : chunks(ids)) {
            count += db.fetchCount(METRIC_BATCH, METRIC_BATCH.ID.in(chunk).and(METRIC_BATCH.ROLLED_UP.isTrue()));
        }
        return count;
    }

    /** Marks batches rolled up; answers how many rows changed. */
    int markRolledUp(long[] ids) {
        int changed = 0;
        for (List<Long> chunk : chunks(ids)) {
            changed += db.update(METRIC_BATCH)
                    .set(METRIC_BATCH.ROLLED_UP, true)
                    .where(METRIC_BATCH.ID.in(chunk))
                    .and(METRIC_BATCH.ROLLED_UP.isFalse())
                    .execute();
        }
        return changed;
    }

    /** Deletes rolled-up batches received before {@code cutoff}; never one still to roll up. */
    int deleteRolledUpBefore(Instant cutoff) {
        return db.deleteFrom(METRIC_BATCH)
                .where(METRIC_BATCH.ROLLED_UP.isTrue())
                .and(METRIC_BATCH.RECEIVED_AT.lt(cutoff))
                .execute();
    }

    private static List<List<Long>> chunks(long[] ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.length; from += CHUNK) {
            List<Long> chunk = new ArrayList<>(Math.min(CHUNK, ids.length - from));
            for (int i = from; i < Math.min(ids.length, from + CHUNK); i++) {
                chunk.add(ids[i]);
            }
            chunks.add(chunk);
        }
        return chunks;
    }
}
