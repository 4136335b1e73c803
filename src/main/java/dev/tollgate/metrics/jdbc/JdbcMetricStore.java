package dev.tollgate.metrics.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

import jakarta.annotation.PreDestroy;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.tollgate.api.ServiceUnavailableException;
import dev.tollgate.catalog.Aggregation;
import dev.tollgate.metrics.MetricAggregate;
import dev.tollgate.metrics.MetricPoint;
import dev.tollgate.metrics.MetricSelector;
import dev.tollgate.metrics.MetricStore;
import dev.tollgate.metrics.MetricStoreUnavailableException;
import dev.tollgate.metrics.SeriesPoint;
import dev.tollgate.storage.RenderedWrite;
import dev.tollgate.storage.WriteRefusals;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The embedded time-series store on H2 or PostgreSQL (DESIGN.md "Embedded time-series storage"),
 * the {@link MetricStore} unless {@code tollgate.influx.url} is set ({@link InfluxNotConfigured}).
 *
 * <p><b>Writes.</b> A batch is encoded ({@link BatchCodec}) into one row of the write-ahead table
 * {@code metric_batch} and committed: one durable commit per request, however many points. Only
 * then are its points added to the rollups in memory ({@link PendingRollups}: per series of a
 * point's own placement and minute; its service's and team's totals, see {@link SeriesKey}, are
 * built from them at the flush), which therefore only ever hold committed batches. When flushes fall behind,
 * writers wait, and after {@link #BACKLOG_WAIT} are refused as unavailable.
 *
 * <p><b>Flush.</b> In the background ({@link MetricStoreMaintenance}) the rollups in memory are
 * merged into {@code metric_rollup}, one row per series and hour, and the batches they came from
 * are marked rolled up, in one transaction: a batch's points are in the rollup rows exactly when
 * its row says so. A flush takes the batches applied so far and leaves later ones, even ones
 * with smaller ids that committed later, to the next flush; it goes by the ids it holds, never by
 * an id watermark. The rows it wrote last stay at hand ({@link HotRollupRows}), so that merging
 * into the current hour again does not read it back.
 *
 * <p><b>Restart.</b> A new instance replays the batches not rolled up yet into memory. Nothing
 * acknowledged is lost (it was committed before the answer) and nothing is counted twice (a batch
 * is either rolled up, or replayed, never both). A flush whose commit went through but whose
 * answer was lost is recognised by the next flush, which finds its batches rolled up.
 *
 * <p><b>Reads</b> combine the hourly rows with what memory holds, at minute resolution: windows
 * are widened to whole minutes ({@code from} down, {@code to} up), so no point of the asked window
 * is missed. A team, or a service without a stage, is one series (its total). Hours that a window
 * covers whole are read from their figures alone, and so is the hour it ends in when all that
 * hour's values are before its end (the current hour, to a window that ends now); only the other
 * hours it cuts, at most two, are read minute by minute; raw points are never read. The rows of
 * those edge hours come from memory where it holds them as committed ({@link RecentRollupRows}:
 * the gate asks of the same recent hours many times a second). A flush that
 * commits while a read runs makes the read start over ({@link #flushSequence}), so a read never
 * sees a batch both in memory and in the rows, nor in neither. Reads inside a caller's repeatable-read transaction could see rows older
 * than memory: call them outside one, or in read-committed ones (the default of both databases).
 *
 * <p>One Tollgate instance per database: the rollups in memory are this instance's
 * ({@link SoleInstanceLock} refuses a second).
 */
@Component
@Conditional(InfluxNotConfigured.class)
class JdbcMetricStore implements MetricStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcMetricStore.class);

    /** The times both databases store; a point outside could never be flushed. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /** How long a write waits for a backlogged flush before it is refused. */
    private static final Duration BACKLOG_WAIT = Duration.ofSeconds(10);
    /** Enough for the current hour of some 10,000 busy series. */
    private static final long HOT_ROWS_BYTES = 64L * 1024 * 1024;

    private final DSLContext db;
    private final Clock clock;
    private final MetricStoreProperties properties;
    private final SoleInstanceLock soleInstance;
    /** The writes made for every request and every rollup row, rendered once ({@link RenderedWrite}). */
    private final RenderedWrite insertBatch;
    private final RenderedWrite insertRollup;
    private final RenderedWrite updateRollup;

    /** Guards {@link #pending} and {@link #flushing}. */
    private final Object state = new Object();
    /** Batches applied since the last flush started. */
    private PendingRollups pending = new PendingRollups();
    /** Batches a flush is writing (or failed to write); read-only but for the flush itself. */
    private PendingRollups flushing;
    private volatile int pendingBatches;
    private volatile long pendingPoints;
    private volatile long pendingRows;

    /**
     * Odd while a flush commits. A read notes it before it queries and checks it is unchanged
     * once it has the rollups in memory in hand; otherwise it starts over.
     */
    private final AtomicLong flushSequence = new AtomicLong();
    /** Guards the flush, retention's deletes of rollups, and {@link #hotRows}. */
    private final ReentrantLock flushLock = new ReentrantLock();
    private final HotRollupRows hotRows = new HotRollupRows(HOT_ROWS_BYTES);
    /** Committed rows of the hours reads asked for, kept current by the flushes. */
    private final RecentRollupRows recentRows = new RecentRollupRows(HOT_ROWS_BYTES);

    private final StoredSeries storedSeries = new StoredSeries();

    private final Timer writes;
    private final DistributionSummary batchPoints;
    private final Timer flushes;
    private final Counter flushFailures;

    @Autowired
    JdbcMetricStore(DSLContext db, Clock clock, MetricStoreProperties properties, MeterRegistry registry,
            WriteRefusals refusals) {
        this(db, clock, properties, registry, SoleInstanceLock.take(db), refusals);
    }

    /** A store whose database never refuses writes for want of room (tests). */
    JdbcMetricStore(DSLContext db, Clock clock, MetricStoreProperties properties, MeterRegistry registry,
            SoleInstanceLock soleInstance) {
        this(db, clock, properties, registry, soleInstance, Optional::empty);
    }

    private JdbcMetricStore(DSLContext db, Clock clock, MetricStoreProperties properties, MeterRegistry registry,
            SoleInstanceLock soleInstance, WriteRefusals refusals) {
        this.db = db;
        this.clock = clock;
        this.properties = properties;
        this.soleInstance = soleInstance;
        this.insertBatch = new RenderedWrite(db, MetricBatchRepository.insertStatement(db), refusals);
        this.insertRollup = new RenderedWrite(db, MetricRollupRepository.insertStatement(db), refusals);
        this.updateRollup = new RenderedWrite(db, MetricRollupRepository.updateStatement(db), refusals);
        this.writes = Timer.builder("tollgate.metrics.store.writes")
                .description("Durable writes of a batch of points, from encoding to commit")
                .register(registry);
        this.batchPoints = DistributionSummary.builder("tollgate.metrics.store.batch.points")
                .description("Points per batch written").baseUnit("points")
                .register(registry);
        this.flushes = Timer.builder("tollgate.metrics.store.flushes")
                .description("Flushes of the rollups in memory to their hourly rows")
                .register(registry);
        this.flushFailures = Counter.builder("tollgate.metrics.store.flush.failures")
                .description("Flushes that failed and will be retried")
                .register(registry);
        Gauge.builder("tollgate.metrics.store.pending.batches", this, store -> store.pendingBatches)
                .description("Batches committed but not rolled up into their hourly rows yet")
                .register(registry);
        warnOfDelayedWrites();
        new MetricRollupRepository(db).allSeries().forEach(storedSeries::register);
        replay();
    }

    /**
     * Stores the batch whole or not at all. The caller has validated the points; the store only
     * refuses what it could never roll up (a value that is not finite, a time outside the years 1
     * to 9999) with an {@link IllegalArgumentException}, before anything is written. Commits on its
     * own, so it must not be called inside a transaction.
     */
    @Override
    public void write(List<MetricPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("MetricStore.write commits on its own: call it outside a transaction");
        }
        requireStorable(points);
        soleInstance.requireHeld();
        long started = System.nanoTime();
        awaitRoom();
        byte[] payload = BatchCodec.encode(points);
        long batchId;
        try {
            batchId = db.transactionResult(transaction -> new MetricBatchRepository(transaction.dsl())
                    .insert(insertBatch, clock.instant(), points.size(), payload));
        } catch (ServiceUnavailableException e) {
            // Says why already (the data folder full, say): passed on as it is.
            throw e;
        } catch (RuntimeException e) {
            throw new MetricStoreUnavailableException("The database did not take a batch of " + points.size()
                    + " points", e);
        }
        synchronized (state) {
            pending.add(batchId, points);
            countPending();
        }
        writes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        batchPoints.record(points.size());
    }

    @Override
    public MetricAggregate aggregate(MetricSelector selector, Aggregation aggregation, Instant from, Instant to) {
        long fromMinute = Minutes.of(from);
        long toMinute = Minutes.ceiling(to);
        requireOrdered(from, to);
        if (!from.isBefore(to)) {
            return MetricAggregate.EMPTY;
        }
        ValueSummary total = read(selector, aggregation, fromMinute, toMinute, 0).get(fromMinute);
        if (total == null || total.count() == 0) {
            return MetricAggregate.EMPTY;
        }
        return new MetricAggregate(total.figure(aggregation, (toMinute - fromMinute) * 60.0), total.count());
    }

    /**
     * Buckets start at multiples of {@code step} since the epoch; a bucket the window cuts holds
     * only the window's part, and its rate is per second of that part.
     *
     * @throws IllegalArgumentException when {@code step} is not a positive whole number of minutes
     */
    @Override
    public List<SeriesPoint> series(MetricSelector selector, Aggregation aggregation, Instant from, Instant to,
            Duration step) {
        if (step.isNegative() || step.isZero() || step.toNanos() % Duration.ofMinutes(1).toNanos() != 0) {
            throw new IllegalArgumentException("A step is a positive whole number of minutes, not " + step);
        }
        requireOrdered(from, to);
        if (!from.isBefore(to)) {
            return List.of();
        }
        long fromMinute = Minutes.of(from);
        long toMinute = Minutes.ceiling(to);
        long stepMinutes = step.toMinutes();
        List<SeriesPoint> points = new ArrayList<>();
        read(selector, aggregation, fromMinute, toMinute, stepMinutes).forEach((bucket, summary) -> {
            if (summary.count() > 0) {
                long covered = Math.min(bucket + stepMinutes, toMinute) - Math.max(bucket, fromMinute);
                points.add(new SeriesPoint(Minutes.start(bucket), summary.figure(aggregation, covered * 60.0)));
            }
        });
        return points;
    }

    /**
     * Writes the rollups of all batches applied so far to their hourly rows and marks those
     * batches rolled up, in one transaction. Answers how many batches it rolled up.
     *
     * @throws MetricStoreUnavailableException when the database refused; the rollups stay in memory
     *                                         and the next flush tries again
     */
    int flush() {
        flushLock.lock();
        Timer.Sample sample = Timer.start();
        try {
            soleInstance.verify();
            PendingRollups work = takeForFlush();
            if (work == null) {
                hotRows.flushed();
                return 0;
            }
            writeRollups(work);
            hotRows.flushed();
            return work.batchCount();
        } catch (RuntimeException e) {
            flushFailures.increment();
            throw e instanceof MetricStoreUnavailableException unavailable ? unavailable
                    : new MetricStoreUnavailableException("The rollups could not be flushed; they stay in memory", e);
        } finally {
            sample.stop(flushes);
            flushLock.unlock();
        }
    }

    /** Once the last flush is done (see {@link MetricStoreMaintenance#stop()}), another instance may take over. */
    @PreDestroy
    void close() {
        soleInstance.release();
    }

    /** Deletes what the retention settings no longer keep; answers the batch and rollup rows deleted. */
    Retained enforceRetention() {
        Instant now = clock.instant();
        int batches = new MetricBatchRepository(db).deleteRolledUpBefore(now.minus(properties.retention().raw()));
        // An hour goes once all of it is older than the cutoff.
        long cutoffHour = Minutes.hourOf(Minutes.of(now.minus(properties.retention().rollups())));
        Instant cutoff = Minutes.hourStart(cutoffHour);
        int hours;
        flushLock.lock();
        try {
            recentRows.dropBefore(cutoffHour);
            hours = new MetricRollupRepository(db).deleteHoursBefore(cutoff);
            hotRows.clear();
        } finally {
            flushLock.unlock();
        }
        if (batches > 0 || hours > 0) {
            log.info("Metric retention deleted {} write-ahead batches and {} hourly rollups", batches, hours);
        }
        return new Retained(batches, hours);
    }

    record Retained(int batches, int hours) {
    }

    int pendingBatches() {
        return pendingBatches;
    }

    long pendingPoints() {
        return pendingPoints;
    }

    long pendingRows() {
        return pendingRows;
    }

    int hotRowCount() {
        flushLock.lock();
        try {
            return hotRows.size();
        } finally {
            flushLock.unlock();
        }
    }

    /** Whether so much waits in memory that a flush should not wait for its interval. */
    boolean flushDue() {
        synchronized (state) {
            return properties.flushSoon(pending.rowCount(), pending.pointCount(), pending.minuteCount());
        }
    }

    MetricStoreProperties properties() {
        return properties;
    }

    // Flushing.

    /**
     * Moves what is pending to {@link #flushing} and answers it, or null when there is nothing to
     * flush. After a failed flush, {@link #flushing} still holds its batches: if that flush did
     * commit after all (its answer was lost), they are already in the rows and are dropped;
     * otherwise the newer batches join them.
     */
    private PendingRollups takeForFlush() {
        PendingRollups failed;
        synchronized (state) {
            failed = flushing;
            if (failed == null) {
                if (pending.isEmpty()) {
                    return null;
                }
                flushing = pending;
                pending = new PendingRollups();
                state.notifyAll();
                return flushing;
            }
        }
        int rolledUp = new MetricBatchRepository(db).countRolledUp(failed.batchIds());
        if (rolledUp == failed.batchCount()) {
            log.warn("A flush reported as failed had committed; its {} batches are in the rollups", rolledUp);
            flushSequence.incrementAndGet();
            synchronized (state) {
                flushing = null;
                flushSequence.incrementAndGet();
                countPending();
            }
            return takeForFlush();
        }
        if (rolledUp > 0) {
            throw new IllegalStateException(rolledUp + " of " + failed.batchCount()
                    + " batches in memory were rolled up elsewhere: is another Tollgate using this database?");
        }
        synchronized (state) {
            flushing.absorb(pending);
            pending = new PendingRollups();
            state.notifyAll();
            return flushing;
        }
    }

    private void writeRollups(PendingRollups work) {
        // series → hour → values by minute of the hour: the own series as they are, and the totals
        // they add to, merged from them (oldest batch first within each series already).
        Map<SeriesKey, Map<Long, ValueSummary[]>> bySeries = new HashMap<>();
        work.forEachHour((key, hour, minutes) -> {
            bySeries.computeIfAbsent(key, any -> new HashMap<>()).put(hour, minutes);
            key.forEachTotal(total -> {
                ValueSummary[] into = bySeries.computeIfAbsent(total, any -> new HashMap<>())
                        .computeIfAbsent(hour, any -> new ValueSummary[Minutes.PER_HOUR]);
                for (int slot = 0; slot < Minutes.PER_HOUR; slot++) {
                    if (minutes[slot] != null) {
                        if (into[slot] == null) {
                            into[slot] = minutes[slot].copy();
                        } else {
                            into[slot].merge(minutes[slot]);
                        }
                    }
                }
            });
        });
        Map<SeriesKey, Long> ids = seriesIds(bySeries.keySet());
        // hour → series id → values by minute of the hour
        Map<Long, Map<Long, ValueSummary[]>> byHour = new TreeMap<>();
        bySeries.forEach((key, hours) -> hours.forEach((hour, minutes) -> byHour
                .computeIfAbsent(hour, any -> new HashMap<>()).put(ids.get(key), minutes)));
        long[] batchIds = work.batchIds();
        // hour → series id → the row as written
        Map<Long, Map<Long, StoredHour>> written = new HashMap<>();
        boolean[] committing = { false };
        try {
            db.transaction(transaction -> {
                MetricRollupRepository rollups = new MetricRollupRepository(transaction.dsl());
                written.clear();
                byHour.forEach((hour, series) -> {
                    Map<Long, StoredHour> stored = new HashMap<>();
                    List<Long> unknown = new ArrayList<>();
                    for (Long seriesId : series.keySet()) {
                        StoredHour hot = hotRows.get(seriesId, hour);
                        if (hot == null) {
                            unknown.add(seriesId);
                        } else {
                            stored.put(seriesId, hot);
                        }
                    }
                    if (!unknown.isEmpty()) {
                        stored.putAll(rollups.readHours(unknown, hour));
                    }
                    Map<Long, StoredHour> updated = new HashMap<>();
                    Map<Long, StoredHour> added = new HashMap<>();
                    for (MergedRow merged : mergeRows(hour, series, stored)) {
                        (merged.isNew() ? added : updated).put(merged.seriesId(), merged.row());
                    }
                    rollups.update(updateRollup, hour, updated);
                    rollups.insert(insertRollup, hour, added);
                    Map<Long, StoredHour> rows = written.computeIfAbsent(hour, any -> new HashMap<>());
                    rows.putAll(updated);
                    rows.putAll(added);
                });
                int marked = new MetricBatchRepository(transaction.dsl()).markRolledUp(batchIds);
                if (marked != batchIds.length) {
                    throw new IllegalStateException((batchIds.length - marked) + " of " + batchIds.length
                            + " batches were rolled up already: is another Tollgate using this database?");
                }
                // From here until the outcome is known, reads wait: they must not see these
                // batches both committed in the rows and still in memory.
                flushSequence.incrementAndGet();
                committing[0] = true;
            });
            synchronized (state) {
                // Before reads go on: they now find these batches in the rows only.
                written.forEach((hour, rows) -> rows.forEach((seriesId, row) -> recentRows.replace(seriesId, hour, row)));
                flushing = null;
                flushSequence.incrementAndGet();
                countPending();
            }
        } catch (RuntimeException e) {
            if (committing[0]) {
                // Whether the commit went through is not known: what the rows are is not either.
                recentRows.clear();
                flushSequence.incrementAndGet();
            }
            hotRows.clear();
            throw e;
        }
        written.forEach((hour, rows) -> rows.forEach((seriesId, row) -> hotRows.put(seriesId, hour, row)));
    }

    /**
     * The rows of {@code hour} with the minutes of {@code series} merged in. Decoding, merging and
     * encoding the rows is most of a flush's CPU and each row is its own work, so the rows are
     * made in parallel (the database work around it stays on this thread, in its transaction).
     */
    private static List<MergedRow> mergeRows(long hour, Map<Long, ValueSummary[]> series,
            Map<Long, StoredHour> stored) {
        return series.entrySet().parallelStream().map(entry -> {
            StoredHour before = stored.get(entry.getKey());
            HourRollup rollup = before == null ? HourRollup.empty(hour) : before.toRollup(hour);
            ValueSummary[] minutes = entry.getValue();
            for (int slot = 0; slot < Minutes.PER_HOUR; slot++) {
                if (minutes[slot] != null) {
                    rollup.merge(hour * Minutes.PER_HOUR + slot, minutes[slot]);
                }
            }
            return new MergedRow(entry.getKey(), StoredHour.of(rollup), before == null);
        }).toList();
    }

    private record MergedRow(long seriesId, StoredHour row, boolean isNew) {
    }

    /** The ids of {@code keys}, storing the series that are new. */
    private Map<SeriesKey, Long> seriesIds(Collection<SeriesKey> keys) {
        Map<SeriesKey, Long> ids = new HashMap<>();
        List<SeriesKey> unknown = new ArrayList<>();
        for (SeriesKey key : keys) {
            Long id = storedSeries.id(key);
            if (id == null) {
                unknown.add(key);
            } else {
                ids.put(key, id);
            }
        }
        if (!unknown.isEmpty()) {
            Map<SeriesKey, Long> stored = db.transactionResult(transaction ->
                    new MetricRollupRepository(transaction.dsl()).storeSeries(unknown));
            stored.forEach(storedSeries::register);
            ids.putAll(stored);
        }
        return ids;
    }

    /** Applies the batches not rolled up yet, as a crash or stop left them; flushes as memory fills. */
    private void replay() {
        MetricBatchRepository batches = new MetricBatchRepository(db);
        List<Long> ids = batches.pendingIds();
        if (ids.isEmpty()) {
            return;
        }
        long[] points = { 0 };
        batches.forEachPayload(ids, (id, payload) -> {
            List<MetricPoint> batch;
            try {
                batch = BatchCodec.decode(payload);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Write-ahead batch " + id + " cannot be read", e);
            }
            synchronized (state) {
                pending.add(id, batch);
                countPending();
            }
            points[0] += batch.size();
            if (flushDue()) {
                flush();
            }
        });
        log.info("Replayed {} write-ahead batches ({} points) not rolled up yet", ids.size(), points[0]);
    }

    // Reading.

    /**
     * The summaries of the buckets of {@code [fromMinute, toMinute)}: buckets of {@code stepMinutes}
     * aligned to the epoch, or one bucket keyed {@code fromMinute} when {@code stepMinutes} is 0.
     */
    private NavigableMap<Long, ValueSummary> read(MetricSelector selector, Aggregation aggregation, long fromMinute,
            long toMinute, long stepMinutes) {
        boolean withSketch = ValueSummary.needsSketch(aggregation);
        long firstHour = Minutes.hourOf(fromMinute);
        long endHour = Minutes.hourOf(toMinute - 1) + 1;
        // Hours read from their figures alone: inside the window and inside one bucket.
        long wholeFrom = Math.ceilDiv(fromMinute, Minutes.PER_HOUR);
        long wholeTo = Math.floorDiv(toMinute, Minutes.PER_HOUR);
        if (stepMinutes != 0 && stepMinutes % Minutes.PER_HOUR != 0) {
            wholeFrom = endHour;
            wholeTo = endHour;
        }
        wholeTo = Math.max(wholeFrom, wholeTo);
        // A cut hour that starts inside the window and lies inside one bucket is cut at the end
        // only: when all its values are before the window's end, as those of the current hour are
        // when the window ends now, its figures alone are its part of the window.
        boolean hourInOneBucket = stepMinutes % Minutes.PER_HOUR == 0;
        List<Long> cutHours = new ArrayList<>();
        List<Long> endingHours = new ArrayList<>();
        for (long hour = firstHour; hour < endHour; hour++) {
            if (hour < wholeFrom || hour >= wholeTo) {
                (hourInOneBucket && hour * Minutes.PER_HOUR >= fromMinute ? endingHours : cutHours).add(hour);
            }
        }
        long hoursFrom = wholeFrom;
        long hoursTo = wholeTo;
        while (true) {
            long sequence = flushSequence.get();
            if ((sequence & 1) == 1) {
                LockSupport.parkNanos(100_000);
                continue;
            }
            NavigableMap<Long, ValueSummary> buckets = new TreeMap<>();
            LongFunction<ValueSummary> bucket = stepMinutes == 0 ? wholeWindow(buckets, fromMinute, withSketch)
                    : minute -> buckets.computeIfAbsent(Math.floorDiv(minute, stepMinutes) * stepMinutes,
                            any -> new ValueSummary(withSketch));
            Set<Long> ids = storedSeries.idsOf(selector);
            // hour → series id → row read from the database (null: it has none)
            Map<Long, Map<Long, StoredHour>> fetched = new HashMap<>();
            if (!ids.isEmpty()) {
                MetricRollupRepository rollups = new MetricRollupRepository(db);
                if (stepMinutes == 0 && !withSketch) {
                    bucket.apply(fromMinute).merge(rollups.sumHours(ids, hoursFrom, hoursTo));
                } else {
                    rollups.forEachHour(ids, hoursFrom, hoursTo, withSketch,
                            row -> bucket.apply(row.hour() * Minutes.PER_HOUR).merge(row.whole()));
                }
                EdgeRowConsumer minuteByMinute = (seriesId, hour, row) -> {
                    ValueSummary[] minutes = recentRows.minutes(seriesId, hour, row);
                    for (int slot = 0; slot < minutes.length; slot++) {
                        long minute = hour * Minutes.PER_HOUR + slot;
                        if (minutes[slot] != null && minute >= fromMinute && minute < toMinute) {
                            bucket.apply(minute).merge(minutes[slot]);
                        }
                    }
                };
                forEachEdgeRow(rollups, ids, cutHours, fetched, minuteByMinute);
                long endMicros = toMinute * Minutes.MICROS_PER_MINUTE;
                forEachEdgeRow(rollups, ids, endingHours, fetched, (seriesId, hour, row) -> {
                    if (row.lastTime() < endMicros) {
                        bucket.apply(hour * Minutes.PER_HOUR).merge(row.whole(withSketch));
                    } else {
                        minuteByMinute.accept(seriesId, hour, row);
                    }
                });
            }
            synchronized (state) {
                if (flushSequence.get() != sequence) {
                    continue;
                }
                // No flush committed while the rows were read: they are current, and may be kept.
                fetched.forEach((hour, rows) -> rows.forEach((seriesId, row) -> recentRows.put(seriesId, hour, row)));
                // Oldest first, so that of two values at the same time the later written is the last.
                for (PendingRollups memory : flushing == null ? List.of(pending) : List.of(flushing, pending)) {
                    for (SeriesKey key : memory.seriesKeys()) {
                        if (key.feeds(selector)) {
                            memory.forEachMinute(key, fromMinute, toMinute,
                                    (values, minute) -> bucket.apply(minute).merge(values));
                        }
                    }
                }
            }
            return buckets;
        }
    }

    /**
     * Each stored row of {@code hours} of {@code ids}, to {@code consumer}: from the recent rows
     * where they know it, else from the database, noting what the database answered in
     * {@code fetched} (hour → series id → row, null where there is none).
     */
    private void forEachEdgeRow(MetricRollupRepository rollups, Set<Long> ids, List<Long> hours,
            Map<Long, Map<Long, StoredHour>> fetched, EdgeRowConsumer consumer) {
        for (long hour : hours) {
            List<Long> unknown = new ArrayList<>();
            for (Long seriesId : ids) {
                Optional<StoredHour> known = recentRows.get(seriesId, hour);
                if (known == null) {
                    unknown.add(seriesId);
                } else {
                    known.ifPresent(row -> consumer.accept(seriesId, hour, row));
                }
            }
            if (!unknown.isEmpty()) {
                Map<Long, StoredHour> read = rollups.readHours(unknown, hour);
                Map<Long, StoredHour> noted = fetched.computeIfAbsent(hour, any -> new HashMap<>());
                for (Long seriesId : unknown) {
                    StoredHour row = read.get(seriesId);
                    noted.put(seriesId, row);
                    if (row != null) {
                        consumer.accept(seriesId, hour, row);
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface EdgeRowConsumer {
        void accept(long seriesId, long hour, StoredHour row);
    }

    /**
     * The one bucket of a whole window, keyed {@code fromMinute} and made at its first value: the
     * gate asks for many, and a map look-up of a boxed key for every minute merged added up.
     */
    private static LongFunction<ValueSummary> wholeWindow(Map<Long, ValueSummary> buckets, long fromMinute,
            boolean withSketch) {
        ValueSummary[] made = new ValueSummary[1];
        return minute -> {
            if (made[0] == null) {
                made[0] = new ValueSummary(withSketch);
                buckets.put(fromMinute, made[0]);
            }
            return made[0];
        };
    }

    private void countPending() {
        pendingBatches = pending.batchCount() + (flushing == null ? 0 : flushing.batchCount());
        pendingPoints = pending.pointCount() + (flushing == null ? 0 : flushing.pointCount());
        pendingRows = pending.rowCount() + (flushing == null ? 0 : flushing.rowCount());
    }

    /**
     * Waits while the rollups in memory are backlogged (flushes cannot keep up with the writes),
     * at most {@link #BACKLOG_WAIT}; then refuses the batch as a store that is unavailable for now.
     */
    private void awaitRoom() {
        long deadline = System.nanoTime() + BACKLOG_WAIT.toNanos();
        synchronized (state) {
            while (properties.backlogged(pending.rowCount(), pending.pointCount(), pending.minuteCount())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new MetricStoreUnavailableException("The metric store is behind with its rollups;"
                            + " retry shortly", null);
                }
                try {
                    state.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MetricStoreUnavailableException("Interrupted while the metric store caught up", e);
                }
            }
        }
    }

    private static void requireOrdered(Instant from, Instant to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("A window from " + from + " to the earlier " + to);
        }
    }

    private static void requireStorable(List<MetricPoint> points) {
        for (int i = 0; i < points.size(); i++) {
            MetricPoint point = points.get(i);
            if (!Double.isFinite(point.value())) {
                throw new IllegalArgumentException("Point " + i + " has the value " + point.value());
            }
            if (point.time().isBefore(EARLIEST) || point.time().isAfter(LATEST)) {
                throw new IllegalArgumentException("Point " + i + " is at " + point.time()
                        + ", outside the years 1 to 9999");
            }
        }
    }

    /** H2 acknowledges a commit before writing it unless WRITE_DELAY is 0: a crash then loses it. */
    private void warnOfDelayedWrites() {
        if (db.dialect().family() != SQLDialect.H2) {
            return;
        }
        try {
            Object delay = db.fetchValue("select setting_value from information_schema.settings"
                    + " where setting_name = 'WRITE_DELAY'");
            if (delay != null && !"0".equals(delay.toString().trim())) {
                log.warn("H2 runs with WRITE_DELAY={}: a crash may lose acknowledged writes."
                        + " Add ;WRITE_DELAY=0 to spring.datasource.url", delay);
            }
        } catch (RuntimeException e) {
            log.debug("Could not read H2's WRITE_DELAY", e);
        }
    }
}
