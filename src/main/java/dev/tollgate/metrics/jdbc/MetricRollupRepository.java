package dev.tollgate.metrics.jdbc;

import static dev.tollgate.db.Tables.METRIC_ROLLUP;
import static dev.tollgate.db.Tables.METRIC_SERIES;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Record9;
import org.jooq.SQLDialect;
import org.jooq.SelectJoinStep;
import org.jooq.impl.SQLDataType;

import dev.tollgate.db.tables.records.MetricSeriesRecord;
import dev.tollgate.storage.RenderedWrite;

/** The series and their hourly rollups: {@code metric_series} and {@code metric_rollup}. */
final class MetricRollupRepository {

    /** Rows per JDBC batch and series ids per IN list. */
    private static final int CHUNK = 500;
    /**
     * Up to this many series of an hour are looked up one by one; more, and the whole hour is
     * read. Each query names one series or one hour: H2 plans {@code series_id in (...)} with an
     * hour condition, or a join, as a scan of far more rows than it returns.
     */
    private static final int FEW = 32;
    /** The absence of a team, service or stage in a series row (a unique key needs non-null columns). */
    private static final String NONE = "";

    private static final Field<byte[]> SKETCH = BytesBinding.bytes(METRIC_ROLLUP.SKETCH);
    private static final Field<byte[]> MINUTES = BytesBinding.bytes(METRIC_ROLLUP.MINUTES);

    private final DSLContext db;

    MetricRollupRepository(DSLContext db) {
        this.db = db;
    }

    /** One series' figures of one hour as read. */
    record FetchedHour(long seriesId, long hour, ValueSummary whole) {
    }

    Map<SeriesKey, Long> allSeries() {
        Map<SeriesKey, Long> series = new HashMap<>();
        db.selectFrom(METRIC_SERIES).forEach(row -> series.put(key(row), row.getId()));
        return series;
    }

    /** Stores the series of {@code keys} not stored yet and answers the ids of all of them. */
    Map<SeriesKey, Long> storeSeries(Collection<SeriesKey> keys) {
        Map<SeriesKey, Long> ids = seriesOf(keys);
        List<SeriesKey> missing = keys.stream().filter(key -> !ids.containsKey(key)).toList();
        for (List<SeriesKey> chunk : chunks(missing)) {
            BatchBindStep batch = db.batch(db.insertInto(METRIC_SERIES, METRIC_SERIES.METRIC, METRIC_SERIES.TEAM,
                    METRIC_SERIES.SERVICE, METRIC_SERIES.STAGE).values((String) null, null, null, null));
            for (SeriesKey key : chunk) {
                batch = batch.bind(key.metric(), orNone(key.team()), orNone(key.service()), orNone(key.stage()));
            }
            batch.execute();
        }
        return missing.isEmpty() ? ids : seriesOf(keys);
    }

    private Map<SeriesKey, Long> seriesOf(Collection<SeriesKey> wanted) {
        Set<SeriesKey> keys = new HashSet<>(wanted);
        Set<String> metrics = new TreeSet<>();
        keys.forEach(key -> metrics.add(key.metric()));
        Map<SeriesKey, Long> ids = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(metrics))) {
            db.selectFrom(METRIC_SERIES).where(METRIC_SERIES.METRIC.in(chunk)).forEach(row -> {
                SeriesKey key = key(row);
                if (keys.contains(key)) {
                    ids.put(key, row.getId());
                }
            });
        }
        return ids;
    }

    /**
     * The stored rows of {@code hour} of {@code seriesIds}, by series id: a few looked up one by
     * one, many by reading the whole hour, never through a plan the database might get wrong.
     */
    Map<Long, StoredHour> readHours(Collection<Long> seriesIds, long hour) {
        Condition inHour = hours(hour, hour + 1);
        List<Record9<Long, Long, Double, Double, Double, Double, Instant, byte[], byte[]>> found = new ArrayList<>();
        if (seriesIds.size() <= FEW) {
            for (Long seriesId : seriesIds) {
                found.addAll(selectStored().where(inHour).and(METRIC_ROLLUP.SERIES_ID.eq(seriesId)).fetch());
            }
        } else {
            Set<Long> wanted = new HashSet<>(seriesIds);
            selectStored().where(inHour).forEach(row -> {
                if (wanted.contains(row.value1())) {
                    found.add(row);
                }
            });
        }
        Map<Long, StoredHour> rows = new HashMap<>();
        found.forEach(row -> rows.put(row.value1(), new StoredHour(row.value2(), row.value3(), row.value4(),
                row.value5(), row.value6(), Minutes.micros(row.value7()), row.value8(), row.value9())));
        return rows;
    }

    private SelectJoinStep<Record9<Long, Long, Double, Double, Double, Double, Instant, byte[], byte[]>> selectStored() {
        return db.select(METRIC_ROLLUP.SERIES_ID, METRIC_ROLLUP.POINT_COUNT, METRIC_ROLLUP.VALUE_SUM,
                METRIC_ROLLUP.VALUE_MIN, METRIC_ROLLUP.VALUE_MAX, METRIC_ROLLUP.LAST_VALUE, METRIC_ROLLUP.LAST_TIME, SKETCH,
                MINUTES).from(METRIC_ROLLUP);
    }

    /** Inserts rows through {@code insert} ({@link #insertStatement}). */
    void insert(RenderedWrite insert, long hour, Map<Long, StoredHour> rows) {
        write(insert, hour, rows, false);
    }

    /**
     * Replaces rows through {@code update} ({@link #updateStatement}); fails when one of them is
     * not there (it was deleted since it was read).
     */
    void update(RenderedWrite update, long hour, Map<Long, StoredHour> rows) {
        write(update, hour, rows, true);
    }

    /** The insert of a row: its figures, sketch and minutes, then its series and hour. */
    static Query insertStatement(DSLContext db) {
        return db.insertInto(METRIC_ROLLUP, METRIC_ROLLUP.POINT_COUNT, METRIC_ROLLUP.VALUE_SUM,
                METRIC_ROLLUP.VALUE_MIN, METRIC_ROLLUP.VALUE_MAX, METRIC_ROLLUP.LAST_VALUE, METRIC_ROLLUP.LAST_TIME,
                SKETCH, MINUTES, METRIC_ROLLUP.SERIES_ID, METRIC_ROLLUP.HOUR_START)
                .values((Long) null, null, null, null, null, null, null, null, null, null);
    }

    /** The update of a row: the same values, then its series, its hour and the next hour's start. */
    static Query updateStatement(DSLContext db) {
        // The hour as a range, like every read here: see hours().
        return db.update(METRIC_ROLLUP)
                .set(METRIC_ROLLUP.POINT_COUNT, (Long) null)
                .set(METRIC_ROLLUP.VALUE_SUM, (Double) null)
                .set(METRIC_ROLLUP.VALUE_MIN, (Double) null)
                .set(METRIC_ROLLUP.VALUE_MAX, (Double) null)
                .set(METRIC_ROLLUP.LAST_VALUE, (Double) null)
                .set(METRIC_ROLLUP.LAST_TIME, (Instant) null)
                .set(SKETCH, (byte[]) null)
                .set(MINUTES, (byte[]) null)
                .where(METRIC_ROLLUP.SERIES_ID.eq((Long) null))
                .and(METRIC_ROLLUP.HOUR_START.ge((Instant) null))
                .and(METRIC_ROLLUP.HOUR_START.lt((Instant) null));
    }

    /**
     * The figures of whole hours {@code fromHour} (inclusive) to {@code toHour} (exclusive) of
     * {@code seriesIds}, one summary per series and hour, with their sketches when asked.
     */
    void forEachHour(Collection<Long> seriesIds, long fromHour, long toHour, boolean withSketch,
            Consumer<FetchedHour> consumer) {
        if (fromHour >= toHour) {
            return;
        }
        List<Field<?>> fields = new ArrayList<>(figureFields());
        if (withSketch) {
            fields.add(SKETCH);
        }
        for (Long seriesId : seriesIds) {
            db.select(fields).from(METRIC_ROLLUP)
                    .where(METRIC_ROLLUP.SERIES_ID.eq(seriesId))
                    .and(hours(fromHour, toHour))
                    .forEach(row -> consumer.accept(new FetchedHour(row.get(METRIC_ROLLUP.SERIES_ID),
                            Minutes.hourOf(row.get(METRIC_ROLLUP.HOUR_START)), summary(row, withSketch))));
        }
    }

    /**
     * The figures of whole hours {@code fromHour} to {@code toHour} of {@code seriesIds} together,
     * added up by the database: what a sum, count, average, rate, minimum, maximum or last value
     * over many hours needs, in one row.
     */
    ValueSummary sumHours(Collection<Long> seriesIds, long fromHour, long toHour) {
        ValueSummary total = new ValueSummary(false);
        if (fromHour >= toHour) {
            return total;
        }
        for (Long seriesId : seriesIds) {
            Condition where = METRIC_ROLLUP.SERIES_ID.eq(seriesId).and(hours(fromHour, toHour));
            var sums = db.select(sum(METRIC_ROLLUP.POINT_COUNT), valueSum(), min(METRIC_ROLLUP.VALUE_MIN),
                    max(METRIC_ROLLUP.VALUE_MAX))
                    .from(METRIC_ROLLUP).where(where).fetchSingle();
            BigDecimal count = sums.value1();
            if (count == null || count.signum() == 0) {
                continue;
            }
            var last = db.select(METRIC_ROLLUP.LAST_VALUE, METRIC_ROLLUP.LAST_TIME)
                    .from(METRIC_ROLLUP).where(where)
                    .orderBy(METRIC_ROLLUP.LAST_TIME.desc()).limit(1).fetchSingle();
            total.merge(ValueSummary.of(count.longValueExact(), Double.parseDouble(sums.value2()), sums.value3(), sums.value4(),
                    last.value1(), Minutes.micros(last.value2()), null));
        }
        return total;
    }

    /**
     * The sum of hours' sums, exact and as text, for Java to round to a double: finite values can add
     * up past the range of a double. Summed as doubles PostgreSQL refuses that ("value out of range"),
     * and H2's exact sum (a DECFLOAT, infinities included) fits no BigDecimal; as text both become
     * what Java's own addition gives, infinity included.
     */
    private Field<String> valueSum() {
        Field<Double> hourSum = METRIC_ROLLUP.VALUE_SUM;
        return (db.dialect().family() == SQLDialect.POSTGRES ? sum(hourSum.cast(SQLDataType.NUMERIC)) : sum(hourSum))
                .cast(SQLDataType.VARCHAR);
    }

    private static List<Field<?>> figureFields() {
        return List.of(METRIC_ROLLUP.SERIES_ID, METRIC_ROLLUP.HOUR_START, METRIC_ROLLUP.POINT_COUNT,
                METRIC_ROLLUP.VALUE_SUM, METRIC_ROLLUP.VALUE_MIN, METRIC_ROLLUP.VALUE_MAX, METRIC_ROLLUP.LAST_VALUE,
                METRIC_ROLLUP.LAST_TIME);
    }

    /** Deletes the hours that started before {@code cutoff}. */
    int deleteHoursBefore(Instant cutoff) {
        return db.deleteFrom(METRIC_ROLLUP).where(METRIC_ROLLUP.HOUR_START.lt(cutoff)).execute();
    }

    private static ValueSummary summary(Record row, boolean withSketch) {
        return ValueSummary.of(row.get(METRIC_ROLLUP.POINT_COUNT), row.get(METRIC_ROLLUP.VALUE_SUM),
                row.get(METRIC_ROLLUP.VALUE_MIN), row.get(METRIC_ROLLUP.VALUE_MAX), row.get(METRIC_ROLLUP.LAST_VALUE),
                Minutes.micros(row.get(METRIC_ROLLUP.LAST_TIME)),
                withSketch ? PercentileSketch.readFrom(new BinaryReader(row.get(SKETCH))) : null);
    }

    /**
     * Writes the rows in batches of {@link #CHUNK}, each with its values, its series id and its
     * hour (and, for {@code hourRange}, the next hour's start), and checks that each changed one row.
     */
    private void write(RenderedWrite statement, long hour, Map<Long, StoredHour> rows, boolean hourRange) {
        Instant start = Minutes.hourStart(hour);
        Instant end = Minutes.hourStart(hour + 1);
        List<Object[]> batch = new ArrayList<>(Math.min(CHUNK, rows.size()));
        for (Map.Entry<Long, StoredHour> entry : rows.entrySet()) {
            StoredHour row = entry.getValue();
            Object[] values = { row.count(), row.sum(), row.min(), row.max(), row.lastValue(),
                Minutes.ofMicros(row.lastTime()), row.sketch(), row.minutes(), entry.getKey(), start, end };
            batch.add(hourRange ? values : Arrays.copyOf(values, values.length - 1));
            if (batch.size() == CHUNK) {
                requireOneEach(statement.execute(db, batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            requireOneEach(statement.execute(db, batch));
        }
    }

    private static void requireOneEach(int[] counts) {
        for (int count : counts) {
            // Statement.SUCCESS_NO_INFO (-2): a driver that does not count; the row is there then.
            if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("A rollup row changed " + count + " rows instead of one");
            }
        }
    }

    /**
     * Hours as a range, even one hour: with {@code series_id = ? and hour_start = ?} H2 may take
     * the foreign key's index on series_id instead of the primary key and read every hour of the
     * series, blobs and all (722 rows for one, measured on the gate benchmark's data); a range on
     * hour_start keeps it on the primary key. Hours start on the hour, so the range is exact.
     */
    private static Condition hours(long fromHour, long toHour) {
        return METRIC_ROLLUP.HOUR_START.ge(Minutes.hourStart(fromHour))
                .and(METRIC_ROLLUP.HOUR_START.lt(Minutes.hourStart(toHour)));
    }

    private static SeriesKey key(MetricSeriesRecord row) {
        return new SeriesKey(row.getMetric(), orNull(row.getTeam()), orNull(row.getService()), orNull(row.getStage()));
    }

    private static String orNone(String value) {
        return value == null ? NONE : value;
    }

    private static String orNull(String value) {
        return NONE.equals(value) ? null : value;
    }

    private static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += CHUNK) {
            chunks.add(values.subList(from, Math.min(values.size(), from + CHUNK)));
        }
        return chunks;
    }
}
