package dev.tollgate.hostile;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.Gzip;
import dev.tollgate.testing.HttpApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6, "Bad input": a corpus of hostile and broken requests, a row each, over every write
 * endpoint of API.md. Every row must be answered with its 4xx (never a 500) as a problem detail
 * that names what was wrong, must leave every store as it was (all-or-nothing: most bodies also
 * carry a valid item, which must not be stored either), and must not echo its input as markup.
 */
@HttpApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusIT {

    private static final int MIB = 1024 * 1024;
    private static final int OVER_LIMIT = 10 * MIB + 1;
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String SQL = "x'; DROP TABLE team; --";
    private static final String CE_STRUCTURED = "application/cloudevents+json";
    private static final String CE_BATCH = "application/cloudevents-batch+json";

    /**
     * One hostile request, the status it must get, and a fragment (any case) of what its problem
     * must say: in {@code detail} or in one of its {@code errors}.
     */
    record Row(String name, HostileRequest request, int status, String mentions) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** An endpoint taking JSON: its rows differ only in name, body and what the refusal must mention. */
    private record JsonWrite(String kind, String method, String path) {

        Row row(String name, String body, String mentions) {
            return new Row(kind + ": " + name, asAdmin(method, path).body("application/json", body), 400, mentions);
        }
    }

    private static final JsonWrite METRICS = new JsonWrite("metrics", "POST", "/api/v1/metrics");
    private static final JsonWrite DEPLOYMENTS = new JsonWrite("deployments", "POST", "/api/v1/deployments");
    private static final JsonWrite TEST_RUNS = new JsonWrite("test runs", "POST", "/api/v1/test-runs");
    private static final JsonWrite GATE = new JsonWrite("gate", "POST", "/api/v1/gate-evaluations");
    private static final JsonWrite OVERRIDES = new JsonWrite("overrides", "POST", "/api/v1/overrides");

    @LocalServerPort
    int port;

    private ApiClient api;
    private String team;
    private String service;
    private String goodPoint;
    private String goodLine;

    @BeforeAll
    void createTeamAndService() {
        api = new ApiClient(port);
        team = api.createTeam(unique("hostile"));
        service = api.createService(unique("target"), team, "beta", "prod");
        goodPoint = "{\"metric\": \"hostile\", \"service\": \"" + service + "\", \"value\": 1}";
        goodLine = "hostile,service=" + service + " value=1";
    }

    Stream<Row> corpus() {
        return Stream.of(jsonPoints(), lineProtocol(), deliveries(), cdEvents(), rules(), gateAndOverrides(), catalog(),
                goalsAndReviews(), tokens(), bodies()).flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void is_refused_with_a_problem_that_names_the_fault_and_stores_nothing(Row row) throws Exception {
        Map<String, Object> before = stored();

        ApiResponse answer = row.request().send(port);

        answer.expectProblem(row.status());
        assertThat(fault(answer)).as("what the problem says").containsIgnoringCase(row.mentions());
        assertThat(answer.body()).as("the answer echoes no markup").doesNotContain("<", ">");
        assertThat(stored()).as("what is stored").isEqualTo(before);
    }

    // Metrics as JSON: every body but the malformed ones also holds one valid point.

    private List<Row> jsonPoints() {
        List<Row> rows = new ArrayList<>();
        rows.add(METRICS.row("truncated JSON", "[" + goodPoint + ", {\"metric\": \"hostile\"", "well-formed"));
        rows.add(METRICS.row("JSON truncated inside a string", "[" + goodPoint + ", {\"metric\": \"hos", "well-formed"));
        rows.add(METRICS.row("JSON followed by more JSON", "[" + goodPoint + "] []", "more than one JSON value"));
        rows.add(METRICS.row("an object where the array belongs", goodPoint, "array"));
        rows.add(METRICS.row("an array of numbers", "[" + goodPoint + ", 1, 2]", "/1"));
        rows.add(METRICS.row("the literal null", "null", "array"));
        rows.add(METRICS.row("an empty body", "", "/"));
        rows.add(METRICS.row("a bare NaN", point("\"value\": NaN"), "well-formed"));
        rows.add(METRICS.row("a bare Infinity", point("\"value\": Infinity"), "well-formed"));
        rows.add(METRICS.row("a bare negative Infinity", point("\"value\": -Infinity"), "well-formed"));
        rows.add(METRICS.row("NaN as text", point("\"value\": \"NaN\""), "/1/value"));
        rows.add(METRICS.row("a number beyond double range", point("\"value\": 1e400"), "/1/value"));
        rows.add(METRICS.row("a negative number beyond double range", point("\"value\": -1e400"), "/1/value"));
        rows.add(METRICS.row("a number just past the largest double", point("\"value\": 1.8e308"), "/1/value"));
        rows.add(METRICS.row("a value given as text", point("\"value\": \"3\""), "/1/value"));
        rows.add(METRICS.row("a value given as a boolean", point("\"value\": true"), "/1/value"));
        rows.add(METRICS.row("a value given as an object", point("\"value\": {\"n\": 1}"), "/1/value"));
        rows.add(METRICS.row("no value", point("\"value\": null"), "/1/value"));
        rows.add(METRICS.row("a time before 1970", point("\"value\": 1, \"time\": \"1969-12-31T23:59:59Z\""), "/1/time"));
        rows.add(METRICS.row("a time in year 1", point("\"value\": 1, \"time\": \"0001-01-01T00:00:00Z\""), "/1/time"));
        rows.add(METRICS.row("negative epoch milliseconds", point("\"value\": 1, \"time\": -1"), "/1/time"));
        rows.add(METRICS.row("a time a year ahead", point("\"value\": 1, \"time\": \"" + Instant.now().plus(366, ChronoUnit.DAYS)
                + "\""), "future"));
        rows.add(METRICS.row("a time past year 9999", point("\"value\": 1, \"time\": \"+10000-01-01T00:00:00Z\""), "/1/time"));
        rows.add(METRICS.row("epoch milliseconds beyond a long", point("\"value\": 1, \"time\": 99999999999999999999999"),
                "/1/time"));
        rows.add(METRICS.row("epoch milliseconds as a fraction", point("\"value\": 1, \"time\": 1.7e12"), "/1/time"));
        rows.add(METRICS.row("a time without an offset", point("\"value\": 1, \"time\": \"2026-11-26T10:00:00\""), "/1/time"));
        rows.add(METRICS.row("an unknown field", point("\"value\": 1, \"colour\": \"red\""), "not a known field"));
        rows.add(METRICS.row("a field given twice", point("\"value\": 1, \"value\": 2"), "twice"));
        rows.add(METRICS.row("SQL in a metric key", "[" + goodPoint + ", {\"metric\": \"" + SQL + "\", \"service\": \"" + service
                + "\", \"value\": 1}]", "/1/metric"));
        rows.add(METRICS.row("SQL in a service", "[" + goodPoint + ", {\"metric\": \"hostile\", \"service\": \"x' OR '1'='1\", "
                + "\"value\": 1}]", "/1/service"));
        rows.add(METRICS.row("a path traversal for a service", "[" + goodPoint + ", {\"metric\": \"hostile\", "
                + "\"service\": \"../../etc/passwd\", \"value\": 1}]", "/1/service"));
        rows.add(METRICS.row("HTML in a metric key", "[" + goodPoint + ", {\"metric\": \"" + SCRIPT + "\", \"service\": \""
                + service + "\", \"value\": 1}]", "/1/metric"));
        rows.add(METRICS.row("escaped HTML in a stage", point("\"value\": 1, \"stage\": \"\\u003cimg src=x onerror=alert(1)\\u003e\""),
                "/1/stage"));
        rows.add(METRICS.row("a metric key of 129 characters", "[" + goodPoint + ", {\"metric\": \"m" + "x".repeat(128)
                + "\", \"service\": \"" + service + "\", \"value\": 1}]", "/1/metric"));
        rows.add(METRICS.row("a tag value of 257 characters", point("\"value\": 1, \"tags\": {\"k\": \"" + "v".repeat(257) + "\"}"),
                "256"));
        rows.add(METRICS.row("a tag value of a mebibyte", point("\"value\": 1, \"tags\": {\"k\": \"" + "v".repeat(MIB) + "\"}"),
                "256"));
        rows.add(METRICS.row("a tag key of 65 characters", point("\"value\": 1, \"tags\": {\"" + "k".repeat(65) + "\": \"v\"}"),
                "64"));
        rows.add(METRICS.row("17 tags", point("\"value\": 1, \"tags\": {" + IntStream.range(0, 17)
                .mapToObj(i -> "\"k" + i + "\": \"v\"").collect(Collectors.joining(", ")) + "}"), "16"));
        rows.add(METRICS.row("a tag value that is a number", point("\"value\": 1, \"tags\": {\"k\": 1}"), "/1/tags"));
        rows.add(METRICS.row("a tag value with a NUL", point("\"value\": 1, \"tags\": {\"k\": \"a\\u0000b\"}"), "/1/tags"));
        rows.add(METRICS.row("a tag value with a lone surrogate", point("\"value\": 1, \"tags\": {\"k\": \"\\ud800\"}"),
                "/1/tags"));
        rows.add(METRICS.row("both a service and a team", point("\"value\": 1, \"team\": \"" + team + "\""), "/1"));
        rows.add(METRICS.row("neither a service nor a team", "[" + goodPoint + ", {\"metric\": \"hostile\", \"value\": 1}]", "/1"));
        rows.add(METRICS.row("JSON nested 100,000 deep", "[".repeat(100_000) + "]".repeat(100_000), "/"));
        rows.add(METRICS.row("tags nested 5,000 deep", point("\"value\": 1, \"tags\": " + "{\"a\": ".repeat(5_000) + "1"
                + "}".repeat(5_000)), "/"));
        rows.add(new Row("invalid UTF-8 in a tag value", HostileRequest.of("POST", "/api/v1/metrics")
                .header("Authorization", "Bearer " + ApiClient.BOOTSTRAP_TOKEN)
                .body("application/json", () -> withBytes(point("\"value\": 1, \"tags\": {\"k\": \"@@\"}"), 0xC3, 0x28)),
                400, "well-formed"));
        rows.add(new Row("100,001 points", asAdmin("POST", "/api/v1/metrics").body("application/json", () -> IntStream
                .range(0, 100_001).mapToObj(i -> goodPoint).collect(Collectors.joining(",", "[", "]"))
                .getBytes(StandardCharsets.UTF_8)), 413, "100000"));
        rows.add(new Row("metrics as text/plain", asAdmin("POST", "/api/v1/metrics").body("text/plain", "[" + goodPoint + "]"),
                415, "application/json"));
        rows.add(new Row("an HTML Content-Type", asAdmin("POST", "/api/v1/metrics").body("text/html;" + SCRIPT,
                "[" + goodPoint + "]"), 415, "Content-Type"));
        return rows;
    }

    private String point(String rest) {
        return "[" + goodPoint + ", {\"metric\": \"hostile\", \"service\": \"" + service + "\", " + rest + "}]";
    }

    private static byte[] withBytes(String text, int first, int second) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length - 1; i++) {
            if (bytes[i] == '@' && bytes[i + 1] == '@') {
                bytes[i] = (byte) first;
                bytes[i + 1] = (byte) second;
                return bytes;
            }
        }
        throw new IllegalArgumentException("no @@ in " + text);
    }

    // Line protocol on all three paths: a valid line first, then the broken one (line 2).

    private List<Row> lineProtocol() {
        List<Row> rows = new ArrayList<>();
        String tags = ",service=" + service;
        rows.add(line("v1", "a trailing backslash in the measurement", "hostile\\" + tags + " value=1"));
        rows.add(line("v1", "a backslash before the end of the line", "hostile" + tags + " value=1\\"));
        rows.add(line("v1", "an escaped space with nothing after", "hostile" + tags + "\\ "));
        rows.add(line("v1", "an escaped comma making the measurement no metric key", "host\\,ile" + tags + " value=1"));
        rows.add(line("v1", "an escaped equals sign in a field key", "hostile" + tags + " val\\=ue=1"));
        rows.add(line("v1", "an escaped equals sign ending a tag key", "hostile,service\\=" + service + " value=1"));
        rows.add(line("v2", "an unterminated string field", "hostile" + tags + " value=1,note=\"open"));
        rows.add(line("v2", "a string field ending in an escaped quote", "hostile" + tags + " value=1,note=\"abc\\\""));
        rows.add(line("v2", "a backslash escaping the closing quote and the line", "hostile" + tags + " value=1,note=\"\\"));
        rows.add(line("db", "a tag key without a value", "hostile,service value=1"));
        rows.add(line("db", "a tag with an empty value", "hostile,service= value=1"));
        rows.add(line("db", "a field without a value", "hostile" + tags + " value="));
        rows.add(line("v1", "no fields at all", "hostile" + tags));
        rows.add(line("v1", "a NaN field", "hostile" + tags + " value=NaN"));
        rows.add(line("v2", "an infinite field", "hostile" + tags + " value=inf"));
        rows.add(line("v2", "a field beyond double range", "hostile" + tags + " value=1e400"));
        rows.add(line("db", "a negative field beyond double range", "hostile" + tags + " value=-1e400"));
        rows.add(line("db", "an integer beyond 64 bits", "hostile" + tags + " value=9223372036854775808i"));
        rows.add(line("v1", "a negative unsigned integer", "hostile" + tags + " value=-1u"));
        rows.add(line("v1", "a field given twice", "hostile" + tags + " value=1,value=2"));
        rows.add(line("v1", "a timestamp before 1970", "hostile" + tags + " value=1 -1"));
        rows.add(line("v2", "a timestamp in year 5000", "hostile" + tags + " value=1 95617584000"));
        rows.add(line("db", "a timestamp beyond 64 bits", "hostile" + tags + " value=1 99999999999999999999"));
        rows.add(line("v1", "a timestamp that is no number", "hostile" + tags + " value=1 yesterday"));
        rows.add(line("v1", "text after the timestamp", "hostile" + tags + " value=1 1 2"));
        rows.add(line("v1", "a tag value of 257 characters", "hostile" + tags + ",k=" + "v".repeat(257) + " value=1"));
        rows.add(line("v2", "a tag value of a mebibyte", "hostile" + tags + ",k=" + "v".repeat(MIB) + " value=1"));
        rows.add(line("v1", "a tag key of 65 characters", "hostile" + tags + "," + "k".repeat(65) + "=v value=1"));
        rows.add(line("v1", "17 tags", "hostile" + tags + IntStream.range(0, 17).mapToObj(i -> ",k" + i + "=v")
                .collect(Collectors.joining()) + " value=1"));
        rows.add(line("v1", "SQL in the measurement", "errors';DROP\\ TABLE\\ metric_batch;--" + tags + " value=1"));
        rows.add(line("db", "HTML in the measurement", "<script>alert(1)</script>" + tags + " value=1"));
        rows.add(line("v2", "a path traversal for a service", "hostile,service=../../etc/passwd value=1"));
        rows.add(line("v1", "HTML for a stage", "hostile" + tags + ",stage=<b>prod</b> value=1"));
        rows.add(line("v1", "both a service and a team", "hostile" + tags + ",team=" + team + " value=1"));
        rows.add(line("v1", "neither a service nor a team", "hostile value=1"));
        rows.add(line("v1", "a NUL in a tag value", "hostile" + tags + ",k=a\u0000b value=1"));
        rows.add(new Row("line protocol: invalid UTF-8 in a tag value", asAdmin("POST", "/api/v1/write?precision=s")
                .body("text/plain", () -> withBytes(goodLine + "\nhostile,service=" + service + ",k=@@ value=1", 0xC3, 0x28)),
                400, "line"));
        rows.add(new Row("line protocol: an unknown precision", asAdmin("POST", "/api/v1/write?precision=fortnight")
                .body("text/plain", goodLine), 400, "precision"));
        rows.add(new Row("line protocol: HTML for a precision", asAdmin("POST", "/api/v1/write?precision=%3Cscript%3E")
                .body("text/plain", goodLine), 400, "precision"));
        return rows;
    }

    /** A body of a valid line and {@code bad}, sent to one of the three write paths with its own authentication. */
    private Row line(String endpoint, String name, String bad) {
        String body = goodLine + "\n" + bad + "\n";
        HostileRequest request = switch (endpoint) {
            case "v1" -> asAdmin("POST", "/api/v1/write?precision=s");
            case "db" -> HostileRequest.of("POST", "/write?db=telegraf&precision=s&u=telegraf&p=" + ApiClient.BOOTSTRAP_TOKEN);
            default -> HostileRequest.of("POST", "/api/v2/write?org=o&bucket=b&precision=s")
                    .header("Authorization", "Token " + ApiClient.BOOTSTRAP_TOKEN);
        };
        return new Row("line protocol (" + endpoint + "): " + name, request.body("text/plain", body), 400, "\"line\":2");
    }

    // Deployments and test runs.

    private List<Row> deliveries() {
        String deployment = "{\"service\": \"" + service + "\", \"stage\": \"prod\", \"version\": \"1.0.0\", ";
        String testRun = "{\"service\": \"" + service + "\", \"stage\": \"beta\", \"version\": \"1.0.0\", \"suite\": \"e2e\", ";
        return List.of(
                DEPLOYMENTS.row("a number for the status", deployment + "\"status\": 1}", "/status"),
                DEPLOYMENTS.row("HTML for the status", deployment + "\"status\": \"" + SCRIPT + "\"}", "/status"),
                DEPLOYMENTS.row("a status in lower case and a time before 1970", deployment
                        + "\"status\": \"SUCCEEDED\", \"time\": \"1969-07-20T20:17:00Z\"}", "/time"),
                DEPLOYMENTS.row("negative epoch milliseconds", deployment + "\"status\": \"SUCCEEDED\", \"time\": -86400000}", "/time"),
                DEPLOYMENTS.row("a commit time in year 10000", deployment
                        + "\"status\": \"SUCCEEDED\", \"commitTime\": \"+10000-01-01T00:00:00Z\"}", "/commitTime"),
                DEPLOYMENTS.row("a time a year ahead", deployment + "\"status\": \"SUCCEEDED\", \"time\": \""
                        + Instant.now().plus(366, ChronoUnit.DAYS) + "\"}", "future"),
                DEPLOYMENTS.row("a commit time a year ahead", deployment + "\"status\": \"SUCCEEDED\", \"commitTime\": \""
                        + Instant.now().plus(366, ChronoUnit.DAYS) + "\"}", "/commitTime"),
                DEPLOYMENTS.row("a pipeline run with a NUL", deployment + "\"status\": \"SUCCEEDED\", \"pipelineRun\": \"a\\u0000\"}",
                        "NUL"),
                DEPLOYMENTS.row("a time given as a boolean", deployment + "\"status\": \"SUCCEEDED\", \"time\": true}", "/time"),
                DEPLOYMENTS.row("a version of 10,000 characters", "{\"service\": \"" + service + "\", \"stage\": \"prod\", "
                        + "\"version\": \"" + "1".repeat(10_000) + "\", \"status\": \"SUCCEEDED\"}", "/version"),
                DEPLOYMENTS.row("HTML in a version", "{\"service\": \"" + service + "\", \"stage\": \"prod\", "
                        + "\"version\": \"<img src=x onerror=alert(1)>\", \"status\": \"SUCCEEDED\"}", "/version"),
                DEPLOYMENTS.row("SQL in a service", "{\"service\": \"" + SQL + "\", \"stage\": \"prod\", \"version\": \"1\", "
                        + "\"status\": \"SUCCEEDED\"}", "/service"),
                DEPLOYMENTS.row("a path traversal for a stage", "{\"service\": \"" + service + "\", \"stage\": \"../prod\", "
                        + "\"version\": \"1\", \"status\": \"SUCCEEDED\"}", "/stage"),
                DEPLOYMENTS.row("SQL in the idempotency key", deployment + "\"status\": \"SUCCEEDED\", \"id\": \"" + SQL + "\"}", "/id"),
                DEPLOYMENTS.row("a pipeline run of 513 characters", deployment + "\"status\": \"SUCCEEDED\", \"pipelineRun\": \""
                        + "r".repeat(513) + "\"}", "/pipelineRun"),
                DEPLOYMENTS.row("an unknown field", deployment + "\"status\": \"SUCCEEDED\", \"approvedBy\": \"me\"}", "/approvedBy"),
                DEPLOYMENTS.row("a list of deployments", "[" + deployment + "\"status\": \"SUCCEEDED\"}]", "/"),
                TEST_RUNS.row("a negative count", testRun + "\"passed\": -1, \"failed\": 0}", "/passed"),
                TEST_RUNS.row("a count given as text", testRun + "\"passed\": \"3\", \"failed\": 0}", "/passed"),
                TEST_RUNS.row("a fractional count", testRun + "\"passed\": 1.5, \"failed\": 0}", "/passed"),
                TEST_RUNS.row("a count beyond double range", testRun + "\"passed\": 1e400, \"failed\": 0}", "/passed"),
                TEST_RUNS.row("a count beyond 64 bits", testRun + "\"passed\": 1, \"failed\": 9223372036854775808}", "/failed"),
                TEST_RUNS.row("HTML for a suite", testRun.replace("e2e", SCRIPT) + "\"passed\": 1, \"failed\": 0}", "/suite"),
                TEST_RUNS.row("a time a year ahead", testRun + "\"passed\": 1, \"failed\": 0, \"time\": \""
                        + Instant.now().plus(366, ChronoUnit.DAYS) + "\"}", "/time"),
                TEST_RUNS.row("a time before 1970", testRun + "\"passed\": 1, \"failed\": 0, \"time\": \"1900-01-01T00:00:00Z\"}",
                        "/time"));
    }

    // CDEvents in all three modes.

    private String deployedEvent(String extraAttributes, String environment, String timestamp) {
        String data = "{\"context\": {\"version\": \"0.4.1\", \"id\": \"c1\", \"source\": \"/argo\", "
                + "\"type\": \"dev.cdevents.service.deployed.0.2.0\", \"timestamp\": \"" + timestamp + "\"}, "
                + "\"subject\": {\"id\": \"service/" + service + "\", \"source\": \"/argo\", \"content\": {\"environment\": "
                + "{\"id\": \"" + environment + "\"}, \"artifactId\": \"pkg:oci/" + service + "@sha256%3A0b31?tag=1.0.0\"}}}";
        return "{" + extraAttributes + "\"datacontenttype\": \"application/json\", \"data\": " + data + "}";
    }

    private static final String ATTRIBUTES = "\"specversion\": \"1.0\", \"id\": \"e1\", \"source\": \"/argo\", "
            + "\"type\": \"dev.cdevents.service.deployed.0.2.0\", ";

    private List<Row> cdEvents() {
        String valid = deployedEvent(ATTRIBUTES, "prod", "2026-11-26T10:15:00Z");
        List<Row> rows = new ArrayList<>();
        for (String attribute : List.of("specversion", "id", "source", "type")) {
            rows.add(cdEvent("structured", "an event without " + attribute, CE_STRUCTURED,
                    deployedEvent(ATTRIBUTES.replaceAll("\"" + attribute + "\": \"[^\"]*\", ", ""), "prod", "2026-11-26T10:15:00Z"),
                    attribute));
        }
        rows.add(cdEvent("structured", "specversion 0.3", CE_STRUCTURED, deployedEvent(ATTRIBUTES.replace("1.0", "0.3"),
                "prod", "2026-11-26T10:15:00Z"), "specversion"));
        rows.add(cdEvent("structured", "a number for the id", CE_STRUCTURED, deployedEvent(ATTRIBUTES.replace("\"e1\"", "1"),
                "prod", "2026-11-26T10:15:00Z"), "id"));
        rows.add(cdEvent("structured", "an event time before 1970", CE_STRUCTURED, deployedEvent(ATTRIBUTES
                + "\"time\": \"1960-01-01T00:00:00Z\", ", "prod", "2026-11-26T10:15:00Z"), "time"));
        rows.add(cdEvent("structured", "a CDEvent timestamp in year 10000", CE_STRUCTURED, deployedEvent(ATTRIBUTES, "prod",
                "+10000-01-01T00:00:00Z"), "timestamp"));
        rows.add(cdEvent("structured", "HTML for the environment", CE_STRUCTURED, deployedEvent(ATTRIBUTES, SCRIPT,
                "2026-11-26T10:15:00Z"), "environment"));
        rows.add(cdEvent("structured", "truncated JSON", CE_STRUCTURED, valid.substring(0, valid.length() / 2), "well-formed"));
        rows.add(cdEvent("structured", "a list for an event", CE_STRUCTURED, "[" + valid + "]", "CloudEvent"));
        rows.add(cdEvent("structured", "data_base64 that is not base64", CE_STRUCTURED,
                "{" + ATTRIBUTES + "\"data_base64\": \"%%%not base64%%%\"}", "base64"));
        rows.add(cdEvent("batch", "an object for a batch", CE_BATCH, valid, "array"));
        rows.add(cdEvent("batch", "a valid event and one without a type", CE_BATCH, "[" + valid + ", "
                + deployedEvent(ATTRIBUTES.replace("\"type\": \"dev.cdevents.service.deployed.0.2.0\", ", ""), "prod",
                        "2026-11-26T10:15:00Z") + "]", "type"));
        rows.add(cdEvent("batch", "a valid event and a number", CE_BATCH, "[" + valid + ", 42]", "CloudEvent"));
        rows.add(cdEvent("batch", "events nested 100,000 deep", CE_BATCH, "[".repeat(100_000) + "]".repeat(100_000), "/"));
        HostileRequest binary = asAdmin("POST", "/api/v1/cdevents").header("ce-specversion", "1.0").header("ce-id", "b1")
                .header("ce-source", "/argo").header("ce-type", "dev.cdevents.service.deployed.0.2.0");
        String data = valid.substring(valid.indexOf("\"data\": ") + 8, valid.length() - 1);
        rows.add(new Row("cdevents (binary): without ce-id", asAdmin("POST", "/api/v1/cdevents").header("ce-specversion", "1.0")
                .header("ce-source", "/argo").header("ce-type", "dev.cdevents.service.deployed.0.2.0")
                .body("application/json", data), 400, "ce-id"));
        rows.add(new Row("cdevents (binary): without ce-specversion", asAdmin("POST", "/api/v1/cdevents").header("ce-id", "b1")
                .header("ce-source", "/argo").header("ce-type", "dev.cdevents.service.deployed.0.2.0")
                .body("application/json", data), 400, "specversion"));
        rows.add(new Row("cdevents (binary): a ce-time that is no time", binary.header("ce-time", "yesterday")
                .body("application/json", data), 400, "time"));
        rows.add(new Row("cdevents (binary): HTML in ce-time", binary.header("ce-time", SCRIPT)
                .body("application/json", data), 400, "time"));
        rows.add(new Row("cdevents (binary): truncated data", binary.body("application/json", data.substring(0, 40)), 400,
                "must be a CDEvent as a JSON object"));
        return rows;
    }

    private static Row cdEvent(String mode, String name, String contentType, String body, String mentions) {
        return new Row("cdevents (" + mode + "): " + name, asAdmin("POST", "/api/v1/cdevents").body(contentType, body), 400,
                mentions);
    }

    // Rules, EXPRESSION rules and backtests.

    private List<Row> rules() {
        String threshold = "{\"name\": \"Hostile\", \"scope\": {\"service\": \"" + service + "\"}, \"stages\": [\"prod\"], "
                + "\"kind\": \"THRESHOLD\", \"params\": {\"metric\": \"errors\", \"aggregation\": \"sum\", \"window\": \"PT1H\", "
                + "\"operator\": \">\", \"threshold\": 10}}";
        String nested = "(".repeat(900) + "sum(\"errors\", \"1h\")" + ")".repeat(900) + " > 1";
        String comprehension = "[0,1,2,3,4,5,6,7,8,9].all(a, [0,1,2,3,4,5,6,7,8,9].all(b, [0,1,2,3,4,5,6,7,8,9].all(c, "
                + "[0,1,2,3,4,5,6,7,8,9].all(d, [0,1,2,3,4,5,6,7,8,9].all(e, [0,1,2,3,4,5,6,7,8,9].all(f, "
                + "[0,1,2,3,4,5,6,7,8,9].all(g, [0,1,2,3,4,5,6,7,8,9].all(h, [0,1,2,3,4,5,6,7,8,9].all(i, "
                + "sum(\"errors\", \"1h\") > a + b + c + d + e + f + g + h + i))))))))) ";
        return List.of(
                rule("a number for the kind", threshold.replace("\"THRESHOLD\"", "3"), "/kind"),
                rule("HTML for the kind", threshold.replace("\"THRESHOLD\"", "\"" + SCRIPT + "\""), "/kind"),
                rule("a number for onFail", threshold.replace("}}", "}, \"onFail\": 2}"), "/onFail"),
                rule("a threshold beyond double range", threshold.replace("10}}", "1e400}}"), "/params/threshold"),
                rule("a threshold of NaN text", threshold.replace("10}}", "\"NaN\"}}"), "/params/threshold"),
                rule("a negative window", threshold.replace("PT1H", "-PT1H"), "/params/window"),
                rule("a window of a billion years", threshold.replace("PT1H", "P999999999999D"), "/params/window"),
                rule("a window of ten years", threshold.replace("PT1H", "P3650D"), "P366D"),
                rule("SQL in a metric", threshold.replace("\"errors\"", "\"" + SQL + "\""), "/params/metric"),
                rule("an unknown parameter", threshold.replace("\"threshold\": 10", "\"threshold\": 10, \"script\": \"x\""),
                        "/params/script"),
                rule("a scope of both a team and a service", threshold.replace("{\"service\": \"" + service + "\"}",
                        "{\"service\": \"" + service + "\", \"team\": \"" + team + "\"}"), "/scope"),
                rule("HTML for a stage", threshold.replace("[\"prod\"]", "[\"" + SCRIPT + "\"]"), "/stages/0"),
                rule("params as a list", threshold.replace("{\"metric\"", "[{\"metric\"").replace("10}}", "10}]}"), "/params"),
                expression("an expression that does not compile", "sum(\"errors\", \"1h\") >", "/params/expression"),
                expression("an expression that is no boolean", "sum(\"errors\", \"1h\") + 1", "/params/expression"),
                expression("an expression calling an unknown function", "exec(\"rm -rf /\")", "/params/expression"),
                expression("an expression with a computed metric", "sum(\"err\" + \"ors\", \"1h\") > 1", "/params/expression"),
                expression("an expression with HTML for a metric", "sum(\"" + SCRIPT + "\", \"1h\") > 1", "/params/expression"),
                expression("an expression with a window of a billion years", "sum(\"errors\", \"P999999999999D\") > 1",
                        "/params/expression"),
                expression("an expression of 2,001 characters", "sum(\"errors\", \"1h\") > 1" + " ".repeat(1_980), "2000"),
                expression("an expression nested 900 deep", nested, "/params/expression"),
                expression("an expression of a billion comprehension steps", comprehension, "/params/expression"),
                new Row("rules: a rule id with HTML", asAdmin("PUT", "/api/v1/rules/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
                        .body("application/json", threshold), 400, "request"),
                new Row("rules: a rule id with SQL", asAdmin("PUT", "/api/v1/rules/x'%20OR%20'1'='1")
                        .body("application/json", threshold), 400, "rule"),
                new Row("rules: a path traversal for a rule id", asAdmin("PUT", "/api/v1/rules/..%2F..%2Fconfig")
                        .body("application/json", threshold), 400, "request"),
                deploymentWindow("a time zone that is a path", "\"timezone\": \"../../../etc/passwd\"", "/params/timezone"),
                deploymentWindow("HTML for a time zone", "\"timezone\": \"" + SCRIPT + "\"", "/params/timezone"),
                deploymentWindow("a deny date in year 10000", "\"timezone\": \"UTC\", \"deny\": [\"+10000-01-01\"]",
                        "/params/deny/0"),
                deploymentWindow("a deny date before 1970", "\"timezone\": \"UTC\", \"deny\": [\"1969-12-24\"]", "/params/deny/0"),
                deploymentWindow("a slot ending at 25:00", "\"timezone\": \"UTC\", \"allow\": [{\"days\": [\"MON\"], "
                        + "\"from\": \"09:00\", \"to\": \"25:00\"}]", "/params/allow/0/to"),
                new Row("rules: a backtest from before 1970", asAdmin("POST", "/api/v1/rules/backtest").body("application/json",
                        "{\"rule\": " + threshold + ", \"service\": \"" + service + "\", \"stage\": \"prod\", "
                                + "\"from\": \"1960-01-01T00:00:00Z\", \"to\": \"2026-01-01T00:00:00Z\", \"step\": \"PT1H\"}"),
                        400, "/from"),
                new Row("rules: a backtest of a million steps", asAdmin("POST", "/api/v1/rules/backtest").body("application/json",
                        "{\"rule\": " + threshold + ", \"service\": \"" + service + "\", \"stage\": \"prod\", "
                                + "\"from\": \"1971-01-01T00:00:00Z\", \"to\": \"2026-01-01T00:00:00Z\", \"step\": \"PT1M\"}"),
                        400, "P90D"),
                new Row("rules: a backtest step of zero", asAdmin("POST", "/api/v1/rules/backtest").body("application/json",
                        "{\"rule\": " + threshold + ", \"service\": \"" + service + "\", \"stage\": \"prod\", "
                                + "\"from\": \"2026-01-01T00:00:00Z\", \"to\": \"2026-01-02T00:00:00Z\", \"step\": \"PT0S\"}"),
                        400, "/step"));
    }

    private Row rule(String name, String body, String mentions) {
        return new Row("rules: " + name, asAdmin("PUT", "/api/v1/rules/" + unique("hostile-rule")).body("application/json", body),
                400, mentions);
    }

    private Row expression(String name, String expression, String mentions) {
        String escaped = expression.replace("\\", "\\\\").replace("\"", "\\\"");
        return rule(name, "{\"name\": \"Hostile\", \"scope\": {\"service\": \"" + service + "\"}, \"stages\": [], "
                + "\"kind\": \"EXPRESSION\", \"params\": {\"expression\": \"" + escaped + "\"}}", mentions);
    }

    private Row deploymentWindow(String name, String params, String mentions) {
        return rule(name, "{\"name\": \"Hostile\", \"scope\": {}, \"stages\": [\"prod\"], \"kind\": \"DEPLOYMENT_WINDOW\", "
                + "\"params\": {" + params + "}}", mentions);
    }

    // Gate evaluations and overrides.

    private List<Row> gateAndOverrides() {
        String expires = "\"expiresAt\": \"" + Instant.now().plus(1, ChronoUnit.HOURS) + "\"";
        String reason = "\"reason\": \"Hotfix for INC-9, tests run later\"";
        String at = "\"service\": \"" + service + "\", \"stage\": \"prod\"";
        return List.of(
                GATE.row("SQL in a service", "{\"service\": \"" + SQL + "\", \"version\": \"1\", \"stage\": \"prod\"}", "/service"),
                GATE.row("HTML in a version", "{" + at + ", \"version\": \"" + SCRIPT + "\"}", "/version"),
                GATE.row("a path traversal for a stage", "{\"service\": \"" + service + "\", \"version\": \"1\", "
                        + "\"stage\": \"../../prod\"}", "/stage"),
                GATE.row("a pipeline run of 513 characters", "{" + at + ", \"version\": \"1\", \"pipelineRun\": \""
                        + "r".repeat(513) + "\"}", "/pipelineRun"),
                GATE.row("an unknown field", "{" + at + ", \"version\": \"1\", \"force\": true}", "/force"),
                GATE.row("a number for a version", "{" + at + ", \"version\": 1}", "/version"),
                new Row("gate: HTML for enforce", asAdmin("POST", "/api/v1/gate-evaluations?enforce=%3Cscript%3E")
                        .body("application/json", "{" + at + ", \"version\": \"1\"}"), 400, "enforce"),
                OVERRIDES.row("a reason of nine characters", "{" + at + ", \"reason\": \"123456789\", " + expires + "}", "/reason"),
                OVERRIDES.row("an expiry two days ahead", "{" + at + ", " + reason + ", \"expiresAt\": \""
                        + Instant.now().plus(2, ChronoUnit.DAYS) + "\"}", "/expiresAt"),
                OVERRIDES.row("an expiry before 1970", "{" + at + ", " + reason + ", \"expiresAt\": \"1969-01-01T00:00:00Z\"}",
                        "/expiresAt"),
                OVERRIDES.row("an expiry in year 275760", "{" + at + ", " + reason + ", \"expiresAt\": 8640000000000000}",
                        "/expiresAt"),
                OVERRIDES.row("SQL in a version", "{" + at + ", \"version\": \"" + SQL + "\", " + reason + ", " + expires + "}",
                        "/version"),
                OVERRIDES.row("an unknown field", "{" + at + ", " + reason + ", " + expires + ", \"verdict\": \"PROMOTE\"}",
                        "/verdict"));
    }

    // Teams, services, metric definitions, the catalog document and webhooks.

    private List<Row> catalog() {
        String metric = "{\"category\": \"BUSINESS\", \"unit\": \"EUR\", \"better\": \"HIGHER\", \"aggregation\": \"sum\"";
        String yamlBomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                + IntStream.range(0, 9).mapToObj(i -> (char) ('b' + i) + ": &" + (char) ('b' + i) + " ["
                        + String.join(",", Collections.nCopies(9, "*" + (char) ('a' + i))) + "]")
                        .collect(Collectors.joining("\n")) + "\nteams: []\n";
        return List.of(
                catalogPut("teams", "a team id with SQL", "/api/v1/teams/x'%20OR%20'1'='1", "{\"name\": \"x\"}", "team"),
                catalogPut("teams", "a team id with HTML", "/api/v1/teams/%3Cscript%3E", "{\"name\": \"x\"}", "team"),
                catalogPut("teams", "an encoded path traversal for a team", "/api/v1/teams/..%2F..%2Fetc", "{\"name\": \"x\"}",
                        "request"),
                catalogPut("teams", "a double-encoded path traversal", "/api/v1/teams/..%252F..%252Fetc", "{\"name\": \"x\"}",
                        "path"),
                catalogPut("teams", "a name of 100,000 characters", "/api/v1/teams/" + unique("t"),
                        "{\"name\": \"" + "x".repeat(100_000) + "\"}", "/name"),
                catalogPut("teams", "a name with a lone surrogate", "/api/v1/teams/" + unique("t"),
                        "{\"name\": \"x\\ud800\"}", "surrogate"),
                catalogPut("teams", "a description with a NUL", "/api/v1/teams/" + unique("t"),
                        "{\"name\": \"x\", \"description\": \"a\\u0000b\"}", "/description"),
                catalogPut("teams", "a name as a number", "/api/v1/teams/" + unique("t"), "{\"name\": 1e400}", "/name"),
                catalogPut("services", "a stage with SQL", "/api/v1/services/" + unique("s"), "{\"team\": \"" + team
                        + "\", \"stages\": [\"" + SQL + "\"]}", "/stages/0"),
                catalogPut("services", "a team with HTML", "/api/v1/services/" + unique("s"), "{\"team\": \"" + SCRIPT
                        + "\", \"stages\": [\"prod\"]}", "/team"),
                catalogPut("services", "1,000 stages nested in lists", "/api/v1/services/" + unique("s"), "{\"team\": \""
                        + team + "\", \"stages\": " + "[".repeat(1_000) + "]".repeat(1_000) + "}", "/stages"),
                catalogPut("metric definitions", "a number for the category", "/api/v1/metric-definitions/"
                        + unique("m").replace('-', '_'), metric.replace("\"BUSINESS\"", "0") + "}", "/category"),
                catalogPut("metric definitions", "a number for better", "/api/v1/metric-definitions/"
                        + unique("m").replace('-', '_'), metric.replace("\"HIGHER\"", "1") + "}", "/better"),
                catalogPut("metric definitions", "a target beyond double range", "/api/v1/metric-definitions/"
                        + unique("m").replace('-', '_'), metric + ", \"target\": 1e400}", "/target"),
                catalogPut("metric definitions", "a metric key with HTML", "/api/v1/metric-definitions/%3Cb%3E", metric + "}",
                        "metric"),
                new Row("config: a YAML alias bomb", asAdmin("PUT", "/api/v1/config").body("application/yaml", yamlBomb), 400,
                        "/"),
                new Row("config: malformed YAML", asAdmin("PUT", "/api/v1/config").body("application/yaml",
                        "teams: [ {id: x"), 400, "/teams"),
                new Row("config: a team with a path traversal", asAdmin("PUT", "/api/v1/config").body("application/json",
                        "{\"teams\": [{\"id\": \"../../etc\", \"name\": \"x\"}]}"), 400, "/teams/0/id"),
                new Row("config: an unknown section", asAdmin("PUT", "/api/v1/config").body("application/json",
                        "{\"teams\": [], \"scripts\": [\"rm -rf /\"]}"), 400, "/scripts"),
                new Row("config: a valid team and a rule whose expression does not compile", asAdmin("PUT", "/api/v1/config")
                        .body("application/json", "{\"teams\": [{\"id\": \"" + unique("t") + "\", \"name\": \"x\"}], "
                                + "\"rules\": [{\"id\": \"" + unique("r") + "\", \"name\": \"x\", \"scope\": {}, \"stages\": [], "
                                + "\"kind\": \"EXPRESSION\", \"params\": {\"expression\": \"1 +\"}}]}"), 400, "/rules/0"),
                new Row("config: JSON nested 100,000 deep", asAdmin("PUT", "/api/v1/config").body("application/json",
                        "{\"teams\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}"), 400, "/"),
                catalogPut("webhooks", "a javascript: URL", "/api/v1/teams/" + team + "/webhook",
                        "{\"url\": \"javascript:alert(1)\"}", "/url"),
                catalogPut("webhooks", "a file: URL", "/api/v1/teams/" + team + "/webhook", "{\"url\": \"file:///etc/passwd\"}",
                        "/url"));
    }

    private static Row catalogPut(String kind, String name, String path, String body, String mentions) {
        return new Row(kind + ": " + name, asAdmin("PUT", path).body("application/json", body), 400, mentions);
    }

    // Input goals, operational reviews and action items.

    private List<Row> goalsAndReviews() {
        String goal = "{\"category\": \"FEATURES\", \"title\": \"Ship\", \"target\": 10, \"current\": 1";
        String review = "{\"team\": \"" + team + "\", \"notes\": \"n\"";
        String item = "{\"team\": \"" + team + "\", \"title\": \"Fix\", \"owner\": \"me\"";
        return List.of(
                goal("a number for the category", goal.replace("\"FEATURES\"", "1") + "}", "/category"),
                goal("a target beyond double range", goal.replace("10", "1e400") + "}", "/target"),
                goal("a due date in year 10000", goal + ", \"due\": \"+10000-01-01\"}", "/due"),
                goal("a due date in year 1", goal + ", \"due\": \"0001-01-01\"}", "/due"),
                goal("a due date of February 30th", goal + ", \"due\": \"2026-02-30\"}", "/due"),
                goal("a due date with HTML", goal + ", \"due\": \"" + SCRIPT + "\"}", "/due"),
                new Row("goals: a goal id with HTML", asAdmin("PUT", "/api/v1/teams/" + team + "/goals/%3Cscript%3E")
                        .body("application/json", goal + "}"), 400, "goal"),
                new Row("goals: a goal of a team id with SQL", asAdmin("PUT", "/api/v1/teams/x'%3B--/goals/g")
                        .body("application/json", goal + "}"), 400, "path"),
                post("reviews", "a week in year 10000", "/api/v1/reviews", review + ", \"week\": \"+10000-01-01\"}", "/week"),
                post("reviews", "a week before 1970", "/api/v1/reviews", review + ", \"week\": \"1969-12-29\"}", "/week"),
                post("reviews", "notes of 1 MiB", "/api/v1/reviews", "{\"team\": \"" + team + "\", \"notes\": \""
                        + "n".repeat(MIB) + "\"}", "/notes"),
                post("reviews", "a team with HTML", "/api/v1/reviews", "{\"team\": \"" + SCRIPT + "\", \"notes\": \"n\"}",
                        "/team"),
                post("reviews", "an unknown field", "/api/v1/reviews", review + ", \"score\": 5}", "/score"),
                post("action items", "a due date in year 99999", "/api/v1/action-items", item + ", \"due\": \"+99999-01-01\"}",
                        "/due"),
                post("action items", "a due date before 1970", "/api/v1/action-items", item + ", \"due\": \"1900-01-01\"}",
                        "/due"),
                post("action items", "a due date as epoch milliseconds", "/api/v1/action-items", item + ", \"due\": 1790000000000}",
                        "/due"),
                post("action items", "a title of 1 MiB", "/api/v1/action-items", item.replace("Fix", "x".repeat(MIB))
                        + ", \"due\": \"2026-12-31\"}", "/title"),
                post("action items", "a review id with SQL", "/api/v1/action-items", item + ", \"due\": \"2026-12-31\", "
                        + "\"review\": \"" + SQL + "\"}", "/review"));
    }

    private Row goal(String name, String body, String mentions) {
        return new Row("goals: " + name, asAdmin("PUT", "/api/v1/teams/" + team + "/goals/" + unique("goal"))
                .body("application/json", body), 400, mentions);
    }

    private static Row post(String kind, String name, String path, String body, String mentions) {
        return new Row(kind + ": " + name, asAdmin("POST", path).body("application/json", body), 400, mentions);
    }

    // Tokens.

    private List<Row> tokens() {
        return List.of(
                post("tokens", "a number for a scope", "/api/v1/tokens", "{\"name\": \"x\", \"scopes\": [1]}", "/scopes/0"),
                post("tokens", "a text for the scope list", "/api/v1/tokens", "{\"name\": \"x\", \"scopes\": \"admin\"}",
                        "/scopes"),
                post("tokens", "HTML for a scope", "/api/v1/tokens", "{\"name\": \"x\", \"scopes\": [\"" + SCRIPT + "\"]}",
                        "/scopes/0"),
                post("tokens", "an expiry in year 10000", "/api/v1/tokens", "{\"name\": \"x\", \"scopes\": [\"read\"], "
                        + "\"expiresAt\": \"+10000-01-01T00:00:00Z\"}", "/expiresAt"),
                post("tokens", "an expiry of negative epoch milliseconds", "/api/v1/tokens", "{\"name\": \"x\", "
                        + "\"scopes\": [\"read\"], \"expiresAt\": -1}", "/expiresAt"),
                post("tokens", "a team with SQL", "/api/v1/tokens", "{\"name\": \"x\", \"scopes\": [\"read\"], \"team\": \""
                        + SQL + "\"}", "/team"),
                post("tokens", "a name of 1 MiB", "/api/v1/tokens", "{\"name\": \"" + "x".repeat(MIB)
                        + "\", \"scopes\": [\"read\"]}", "/name"));
    }

    // Bodies over the limit, gzip bombs and broken gzip on every kind of write.

    private List<Row> bodies() {
        List<Row> rows = new ArrayList<>();
        Map<String, HostileRequest> writes = new LinkedHashMap<>();
        writes.put("metrics", asAdmin("POST", "/api/v1/metrics").header("Content-Type", "application/json"));
        writes.put("line protocol", asAdmin("POST", "/api/v1/write?precision=s").header("Content-Type", "text/plain"));
        writes.put("line protocol (db)", HostileRequest.of("POST", "/write?db=t&precision=s&u=t&p=" + ApiClient.BOOTSTRAP_TOKEN)
                .header("Content-Type", "text/plain"));
        writes.put("line protocol (v2)", HostileRequest.of("POST", "/api/v2/write?org=o&bucket=b&precision=s")
                .header("Authorization", "Token " + ApiClient.BOOTSTRAP_TOKEN).header("Content-Type", "text/plain"));
        writes.put("deployments", asAdmin("POST", "/api/v1/deployments").header("Content-Type", "application/json"));
        writes.put("cdevents", asAdmin("POST", "/api/v1/cdevents").header("Content-Type", CE_BATCH));
        writes.put("config", asAdmin("PUT", "/api/v1/config").header("Content-Type", "application/yaml"));
        writes.put("rules", asAdmin("PUT", "/api/v1/rules/" + unique("big")).header("Content-Type", "application/json"));
        writes.put("teams", asAdmin("PUT", "/api/v1/teams/" + unique("big")).header("Content-Type", "application/json"));
        writes.put("gate", asAdmin("POST", "/api/v1/gate-evaluations").header("Content-Type", "application/json"));
        writes.forEach((name, request) -> {
            boolean lines = name.startsWith("line");
            String start = lines ? goodLine + "\n" : name.equals("config") ? "teams: []\n" : name.equals("metrics")
                    || name.equals("cdevents") ? "[" : "{\"name\": \"x\"";
            byte filler = lines ? (byte) '\n' : (byte) ' ';
            Supplier<byte[]> overLimit = () -> HostileRequest.padded(start, filler, OVER_LIMIT);
            rows.add(new Row(name + ": a body of 10 MiB + 1 byte", request.body(null, overLimit), 413, "10 MiB"));
            rows.add(new Row(name + ": a gzip bomb", request.body(null, overLimit).gzipped(), 413, "10 MiB"));
        });
        HostileRequest metrics = writes.get("metrics");
        HostileRequest lines = writes.get("line protocol");
        rows.add(new Row("metrics: a chunked body of 10 MiB + 1 byte", metrics
                .body(null, () -> HostileRequest.padded("[" + goodPoint + ",", (byte) ' ', OVER_LIMIT)).withoutLength(), 413, "10 MiB"));
        rows.add(new Row("line protocol: a chunked body of 10 MiB + 1 byte", lines
                .body(null, () -> HostileRequest.padded(goodLine + "\n", (byte) '\n', OVER_LIMIT)).withoutLength(), 413, "10 MiB"));
        rows.add(new Row("metrics: a body that claims gzip but is not", metrics.header("Content-Encoding", "gzip")
                .body(null, ("[" + goodPoint + "]")::getBytes), 400, "gzip"));
        rows.add(new Row("line protocol: a truncated gzip body", lines.header("Content-Encoding", "gzip").body(null, () -> {
            byte[] whole = Gzip.compress((goodLine + "\n").repeat(100).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(whole, whole.length / 2);
        }), 400, "gzip"));
        rows.add(new Row("metrics: an encoding other than gzip", metrics.header("Content-Encoding", "br")
                .body(null, ("[" + goodPoint + "]")::getBytes), 415, "gzip"));
        return rows;
    }

    private static HostileRequest asAdmin(String method, String path) {
        return HostileRequest.of(method, path).header("Authorization", "Bearer " + ApiClient.BOOTSTRAP_TOKEN);
    }

    /** The problem's detail and every listed error, as one text to look for the fault in. */
    private static String fault(ApiResponse answer) {
        JsonNode problem = answer.json();
        return problem.path("detail").asString() + " " + problem.path("errors").toString();
    }

    /**
     * What the stores hold, as far as the corpus could have changed it: the catalog, the target
     * service's deployments, test runs, gate evaluations and points, the team's goals, reviews and
     * webhook, tokens, overrides and the audit log.
     */
    private Map<String, Object> stored() {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (String path : List.of("/api/v1/teams", "/api/v1/services", "/api/v1/metric-definitions", "/api/v1/rules",
                "/api/v1/tokens", "/api/v1/overrides", "/api/v1/deployments?service=" + service,
                "/api/v1/test-runs?service=" + service, "/api/v1/gate-evaluations?service=" + service,
                "/api/v1/teams/" + team + "/goals", "/api/v1/reviews?team=" + team, "/api/v1/action-items?team=" + team)) {
            counts.put(path, api.get(path).asAdmin().send().expectStatus(200).json().size());
        }
        counts.put("webhook", api.get("/api/v1/teams/" + team + "/webhook").asAdmin().send().status());
        counts.put("audit", api.newestAuditId());
        Instant now = Instant.now();
        String window = "&aggregation=count&from=" + now.minus(3, ChronoUnit.DAYS) + "&to=" + now.plus(3, ChronoUnit.DAYS);
        counts.put("points of the service", api.get("/api/v1/metrics/aggregate?metric=hostile&service=" + service + window)
                .asAdmin().send().expectStatus(200).json().path("count").asLong());
        counts.put("points of the team", api.get("/api/v1/metrics/aggregate?metric=hostile&team=" + team + window)
                .asAdmin().send().expectStatus(200).json().path("count").asLong());
        return counts;
    }
}
