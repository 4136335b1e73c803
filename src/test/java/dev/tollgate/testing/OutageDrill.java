package dev.tollgate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Issue 6's fault drill: sustained ingest and gate load from a few clients, a store taken away for
 * a while (the test says how), given back, and the answers judged phase by phase. The checks
 * every outage shares live here; what the gate answers during it differs by store, so the test
 * judges that itself from {@link #during()}.
 */
public final class OutageDrill {

    /** What the test breaks, and mends. */
    public interface Outage {
        void begin() throws Exception;

        void end() throws Exception;
    }

    /** No answer may take longer: Hikari gives up after 2 s, InfluxDB calls after 1.5 s. */
    public static final Duration MAX_ANSWER = Duration.ofSeconds(5);
    /** Tollgate must serve again this soon after the store is back, with no restart. */
    public static final Duration MAX_RECOVERY = Duration.ofSeconds(15);
    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final Duration AFTER_RECOVERY = Duration.ofSeconds(2);
    private static final int WRITERS = 3;
    private static final int BATCH = 50;
    /** Each writer's batches are this many milliseconds apart from the next writer's: no two points meet. */
    private static final long WRITER_SPAN_MS = 1_000_000;
    public static final String METRIC = "drill";

    private final ApiClient api;
    private final String service;
    private final String ingestToken;
    private final String gateToken;
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
    private final SustainedLoad load = new SustainedLoad();
    private long began;
    private long ending;
    private long recovered;

    private OutageDrill(ApiClient api, String team, String service) {
        this.api = api;
        this.service = service;
        this.ingestToken = api.createToken(team, "ingest");
        this.gateToken = api.createToken(team, "gate");
    }

    /** A drill on {@code service} of {@code team}, with tokens of the scopes pipelines use. */
    public static OutageDrill on(ApiClient api, String team, String service) {
        return new OutageDrill(api, team, service);
    }

    /**
     * Runs the load, takes the store away for {@code hold} and gives it back; {@code whileOut}
     * runs just before the end of the outage (a look at health, say). Answers once Tollgate has
     * served ingest and gate again for a while, or fails when it does not within {@link #MAX_RECOVERY}.
     */
    public OutageDrill run(Outage outage, Duration hold, Runnable whileOut) throws Exception {
        for (int writer = 0; writer < WRITERS; writer++) {
            int client = writer;
            load.client("ingest", sequence -> api.post("/api/v1/metrics").token(ingestToken)
                    .json(batch(client, sequence)).send());
        }
        load.client("gate", sequence -> api.post("/api/v1/gate-evaluations").token(gateToken)
                .json("{\"service\": \"" + service + "\", \"version\": \"1.0." + sequence + "\", \"stage\": \"prod\"}")
                .send());
        try {
            Thread.sleep(WARM_UP);
            assertThat(load.all()).as("answers before the outage").anyMatch(answer -> answer.status() / 100 == 2);
            outage.begin();
            began = System.nanoTime();
            Thread.sleep(hold);
            whileOut.run();
            ending = System.nanoTime();
            outage.end();
            recovered = awaitRecovery();
            Thread.sleep(AFTER_RECOVERY);
        } finally {
            load.stop();
        }
        System.out.println(summary());
        return this;
    }

    /** When ingest and gate have both answered 2xx to a request asked after the store was back. */
    private long awaitRecovery() throws InterruptedException {
        long deadline = System.nanoTime() + MAX_RECOVERY.toNanos();
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            if (servedSince("ingest") && servedSince("gate")) {
                return now;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Tollgate did not serve ingest and gate again within " + MAX_RECOVERY
                + " after the store was back; the last answers: " + tail());
    }

    private boolean servedSince(String client) {
        return load.of(client).stream().anyMatch(answer -> answer.startedNanos() >= ending && answer.status() / 100 == 2);
    }

    private List<SustainedLoad.Answer> tail() {
        List<SustainedLoad.Answer> all = load.all();
        return all.subList(Math.max(0, all.size() - 5), all.size());
    }

    /** For the test's output: how many answers of which status came in each phase, and how soon Tollgate recovered. */
    public String summary() {
        return "Outage drill: " + statuses(load.all()) + " in all; during the outage " + statuses(during())
                + "; served again " + recovery().toMillis() + " ms after the store was back, then "
                + statuses(afterRecovery());
    }

    private static Map<String, Long> statuses(List<SustainedLoad.Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(
                answer -> answer.client() + " " + answer.status(), TreeMap::new,
                Collectors.counting()));
    }

    /** Answers asked and answered while the store was away. */
    public List<SustainedLoad.Answer> during() {
        return load.all().stream().filter(answer -> answer.within(began, ending)).toList();
    }

    /** Answers asked once Tollgate served again. */
    public List<SustainedLoad.Answer> afterRecovery() {
        return load.all().stream().filter(answer -> answer.startedNanos() >= recovered).toList();
    }

    /** How long Tollgate took to serve again once the store was back. */
    public Duration recovery() {
        return Duration.ofNanos(recovered - ending);
    }

    public List<SustainedLoad.Answer> of(String client) {
        return load.of(client);
    }

    /**
     * Every answer, whenever asked, came within {@link #MAX_ANSWER}, and was a success or a 503
     * problem with {@code Retry-After} (no 500, no dropped connection); once Tollgate served again,
     * every answer was a success.
     */
    public void assertEveryAnswerClean() {
        List<SustainedLoad.Answer> all = load.all();
        assertThat(all).as("answers").isNotEmpty();
        assertThat(matching(all, answer -> answer.failure() != null)).as("answers that never came").isEmpty();
        assertThat(matching(all, answer -> answer.took().compareTo(MAX_ANSWER) > 0))
                .as("answers slower than " + MAX_ANSWER).isEmpty();
        assertThat(matching(all, answer -> answer.status() / 100 != 2 && answer.status() != 503))
                .as("answers neither a success nor 503").isEmpty();
        for (SustainedLoad.Answer answer : all) {
            if (answer.status() == 503) {
                answer.response().expectProblem(503);
                assertThat(answer.response().header("Retry-After")).as("Retry-After of %s", answer).isNotBlank();
            }
        }
        assertThat(afterRecovery()).as("answers once served again").isNotEmpty();
        assertThat(matching(afterRecovery(), answer -> answer.status() / 100 != 2)).as("failures once served again")
                .isEmpty();
    }

    /** Every answer during the outage from {@code client} matched {@code expected}, and there were some. */
    public void assertDuring(String client, Predicate<SustainedLoad.Answer> expected, String description) {
        List<SustainedLoad.Answer> answers = during().stream().filter(answer -> answer.client().equals(client)).toList();
        assertThat(answers).as("%s answers during the outage", client).isNotEmpty();
        assertThat(matching(answers, expected.negate())).as("%s answers during the outage that are not %s", client,
                description).isEmpty();
    }

    /**
     * API.md: "A 2xx answer to a write means the data is committed". Every acknowledged batch is
     * there, and nothing is there in part (writes are all or nothing).
     */
    public void assertAcknowledgedPointsPresent() {
        long acknowledged = load.of("ingest").stream().filter(answer -> answer.status() == 200).count();
        long sent = load.of("ingest").size();
        long count = api.get("/api/v1/metrics/aggregate?metric=" + METRIC + "&service=" + service
                + "&aggregation=count&from=" + base + "&to=" + base.plus(WRITER_SPAN_MS * WRITERS, ChronoUnit.MILLIS))
                .asAdmin().send().expectStatus(200).json().path("count").asLong();
        assertThat(acknowledged).as("acknowledged batches").isPositive();
        assertThat(count).as("points of %d acknowledged batches", acknowledged)
                .isGreaterThanOrEqualTo(acknowledged * BATCH)
                .isLessThanOrEqualTo(sent * BATCH);
        assertThat(count % BATCH).as("points of a batch stored in part").isZero();
    }

    private static List<SustainedLoad.Answer> matching(List<SustainedLoad.Answer> answers,
            Predicate<SustainedLoad.Answer> condition) {
        return answers.stream().filter(condition).toList();
    }

    /** Batch {@code sequence} of writer {@code writer}: BATCH points of value 1, at times no other batch uses. */
    private String batch(int writer, int sequence) {
        StringBuilder json = new StringBuilder("[");
        long first = writer * WRITER_SPAN_MS + (long) sequence * BATCH;
        for (int i = 0; i < BATCH; i++) {
            json.append(i == 0 ? "" : ",").append("{\"metric\":\"" + METRIC + "\",\"service\":\"").append(service)
                    .append("\",\"value\":1,\"time\":").append(base.plusMillis(first + i).toEpochMilli())
                    .append('}');
        }
        return json.append(']').toString();
    }
}
