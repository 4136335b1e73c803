package dev.tollgate.metrics.influx;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tollgate.catalog.Aggregation;
import dev.tollgate.metrics.MetricAggregate;
import dev.tollgate.metrics.MetricPoint;
import dev.tollgate.metrics.MetricSelector;
import dev.tollgate.metrics.MetricStore;
import dev.tollgate.metrics.MetricStoreUnavailableException;
import dev.tollgate.metrics.SeriesPoint;
import okhttp3.OkHttpClient;

/**
 * The metric store on InfluxDB, through its v1 HTTP API. One measurement per metric, with the
 * tags {@code team}, {@code service} and {@code stage} placing each point (absent when not set)
 * beside the point's own tags, and one field, {@code value}. Writes are synchronous: an answer
 * to a client means InfluxDB has the points (influxdb-java's async batches would report failures
 * only to a handler, after the client was told "stored").
 *
 * <p>InfluxDB keeps one value per series and timestamp: a second point at the same time replaces
 * the first. Tollgate counts every point (two latency samples in one millisecond are two samples),
 * so points that would collide are spread over the nanoseconds below the precision they came with.
 */
class InfluxMetricStore implements MetricStore {

    private static final Logger log = LoggerFactory.getLogger(InfluxMetricStore.class);

    private final InfluxDB influx;
    private final String database;

    InfluxMetricStore(InfluxProperties properties) {
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(properties.timeout())
                .readTimeout(properties.timeout())
                .writeTimeout(properties.timeout())
                .callTimeout(properties.timeout())
                .retryOnConnectionFailure(false);
        this.influx = properties.username() == null
                ? InfluxDBFactory.connect(properties.url(), http)
                : InfluxDBFactory.connect(properties.url(), properties.username(), properties.password(), http);
        this.database = properties.database();
    }

    /** Creates the database if it is missing; a store that is down now is retried at the first write. */
    void createDatabase() {
        try {
            influx.query(new Query("CREATE DATABASE " + InfluxQl.identifier(database)));
        } catch (RuntimeException e) {
            log.warn("InfluxDB at the configured URL did not answer CREATE DATABASE: {}", e.getMessage());
        }
    }

    /** Why InfluxDB cannot serve now, in words a caller may read; empty while it answers its ping. */
    Optional<String> unavailability() {
        try {
            return influx.ping().isGood() ? Optional.empty() : Optional.of("InfluxDB answered its ping with an error");
        } catch (RuntimeException e) {
            return Optional.of("InfluxDB does not answer: " + reason(e));
        }
    }

    /** For tests, which each work in a database of their own. */
    void dropDatabase() {
        influx.query(new Query("DROP DATABASE " + InfluxQl.identifier(database)));
    }

    void close() {
        influx.close();
    }

    @Override
    public void write(List<MetricPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        for (MetricPoint point : points) {
            // All or nothing: InfluxDB would drop a non-finite field and keep the rest of the batch.
            if (!Double.isFinite(point.value())) {
                throw new IllegalArgumentException("A metric value must be a finite number, not " + point.value());
            }
        }
        BatchPoints.Builder batch = BatchPoints.database(database).precision(TimeUnit.NANOSECONDS);
        DistinctTimes times = new DistinctTimes();
        for (MetricPoint point : points) {
            Point.Builder influxPoint = Point.measurement(point.metric())
                    .time(times.of(point), TimeUnit.NANOSECONDS)
                    .addField("value", point.value());
            for (Map.Entry<String, String> tag : point.tags().entrySet()) {
                influxPoint.tag(tag.getKey(), tag.getValue());
            }
            // The placing tags win over a point tag of the same name.
            tagIfSet(influxPoint, "team", point.team());
            tagIfSet(influxPoint, "service", point.service());
            tagIfSet(influxPoint, "stage", point.stage());
            batch.point(influxPoint.build());
        }
        try {
            influx.write(batch.build());
        } catch (InfluxDBException.DatabaseNotFoundException e) {
            createDatabase();
            try {
                influx.write(batch.build());
            } catch (RuntimeException retry) {
                throw unavailable("write", retry);
            }
        } catch (RuntimeException e) {
            throw unavailable("write", e);
        }
    }

    @Override
    public MetricAggregate aggregate(MetricSelector selector, Aggregation aggregation, Instant from, Instant to) {
        List<List<Object>> rows = rows(InfluxQl.aggregate(selector, aggregation, from, to));
        if (rows.isEmpty()) {
            return MetricAggregate.EMPTY;
        }
        List<Object> row = rows.get(0);
        long count = row.get(2) == null ? 0 : ((Number) row.get(2)).longValue();
        if (count == 0 || row.get(1) == null) {
            return new MetricAggregate(null, count);
        }
        double value = ((Number) row.get(1)).doubleValue();
        if (aggregation == Aggregation.RATE) {
            value = value / Duration.between(from, to).toMillis() * 1000.0;
        }
        return new MetricAggregate(value, count);
    }

    @Override
    public List<SeriesPoint> series(MetricSelector selector, Aggregation aggregation, Instant from, Instant to,
            Duration step) {
        List<SeriesPoint> points = new ArrayList<>();
        for (List<Object> row : rows(InfluxQl.series(selector, aggregation, from, to, step.toSeconds()))) {
            if (row.get(1) == null) {
                continue;
            }
            double value = ((Number) row.get(1)).doubleValue();
            if (aggregation == Aggregation.RATE) {
                value = value / step.toSeconds();
            }
            points.add(new SeriesPoint(Instant.ofEpochMilli(((Number) row.get(0)).longValue()), value));
        }
        return points;
    }

    private List<List<Object>> rows(String influxQl) {
        QueryResult result;
        try {
            result = influx.query(new Query(influxQl, database), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            throw unavailable("read", e);
        }
        if (result.hasError()) {
            throw unavailable("read", new IllegalStateException(result.getError()));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (QueryResult.Result statement : result.getResults()) {
            if (statement.hasError()) {
                // A database that does not exist yet holds no points.
                if (statement.getError().contains("database not found")) {
                    return rows;
                }
                throw unavailable("read", new IllegalStateException(statement.getError()));
            }
            if (statement.getSeries() != null) {
                statement.getSeries().forEach(series -> rows.addAll(series.getValues()));
            }
        }
        return rows;
    }

    private static void tagIfSet(Point.Builder point, String tag, String value) {
        if (value != null) {
            point.tag(tag, value);
        }
    }

    /**
     * Timestamps that keep every point of a batch apart, and apart from earlier batches with high
     * likelihood: a time given in whole milliseconds (or microseconds) moves by a random number of
     * nanoseconds within that millisecond (microsecond), and points of one series that still meet
     * in the batch move on by one nanosecond. No point leaves the millisecond it was given in.
     */
    private static final class DistinctTimes {

        private final java.util.Set<String> taken = new java.util.HashSet<>();
        private final java.util.SplittableRandom random = new java.util.SplittableRandom();

        long of(MetricPoint point) {
            long nanos = TimeUnit.SECONDS.toNanos(point.time().getEpochSecond()) + point.time().getNano();
            int nanosOfMilli = point.time().getNano() % 1_000_000;
            long room = nanosOfMilli == 0 ? 1_000_000 : nanosOfMilli % 1_000 == 0 ? 1_000 : 1;
            long base = nanos - Math.floorMod(nanos, room);
            long candidate = room == 1 ? nanos : base + random.nextLong(room);
            String series = point.metric() + '\u0000' + point.team() + '\u0000' + point.service() + '\u0000'
                    + point.stage() + '\u0000' + point.tags();
            for (long step = 0; step < room; step++) {
                long time = base + Math.floorMod(candidate - base + step, room);
                if (room == 1) {
                    time = nanos;
                }
                if (taken.add(series + '\u0000' + time)) {
                    return time;
                }
            }
            return nanos;
        }
    }

    /**
     * The failure in words a caller may read: whether InfluxDB was unreachable, too slow or said
     * no. Its own message (a URL, a class name, a query) goes to the log only.
     */
    private static MetricStoreUnavailableException unavailable(String what, RuntimeException e) {
        log.warn("InfluxDB could not {} metrics", what, e);
        return new MetricStoreUnavailableException("InfluxDB could not " + what + " metrics: " + reason(e), e);
    }

    private static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException) {
                return "it did not answer in time";
            }
            if (cause instanceof IOException) {
                return "it cannot be reached";
            }
        }
        return "it answered with an error";
    }
}
