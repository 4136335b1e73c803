package dev.tollgate.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What InfluxDB clients call before they write: {@code /ping} (no credentials, as InfluxDB) and
 * {@code /query} for {@code CREATE DATABASE} and {@code SHOW DATABASES}. Tollgate keeps no
 * databases, so creating one succeeds and changes nothing; any other statement gets InfluxDB's
 * per-statement error, pointing at Tollgate's own query API.
 */
@RestController
class InfluxCompatibilityController {

    /** The InfluxDB version clients are told; they only check it is 1.x. */
    static final String INFLUX_VERSION = "1.8.10";
    private static final Pattern CREATE_DATABASE = Pattern.compile("(?is)^\\s*CREATE\\s+DATABASE\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+).*$");
    private static final Pattern SHOW_DATABASES = Pattern.compile("(?is)^\\s*SHOW\\s+DATABASES\\s*$");

    @RequestMapping(path = "/ping", method = { RequestMethod.GET, RequestMethod.HEAD })
    ResponseEntity<Void> ping() {
        return ResponseEntity.status(HttpStatus.NO_CONTENT)
                .header("X-Influxdb-Version", INFLUX_VERSION)
                .header("X-Influxdb-Build", "OSS")
                .build();
    }

    @RequestMapping(path = "/query", method = { RequestMethod.GET, RequestMethod.POST })
    ResponseEntity<Map<String, Object>> query(@RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "db", required = false) String db) {
        if (q == null || q.isBlank()) {
            return ResponseEntity.badRequest().header("X-Influxdb-Version", INFLUX_VERSION)
                    .body(Map.of("error", "missing required parameter \"q\""));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        String[] statements = q.split(";");
        int id = 0;
        for (String statement : statements) {
            if (statement.isBlank()) {
                continue;
            }
            results.add(answer(id++, statement, db));
        }
        return ResponseEntity.ok().header("X-Influxdb-Version", INFLUX_VERSION).body(Map.of("results", results));
    }

    private static Map<String, Object> answer(int id, String statement, String db) {
        Matcher create = CREATE_DATABASE.matcher(statement);
        if (create.matches()) {
            return Map.of("statement_id", id);
        }
        if (SHOW_DATABASES.matcher(statement).matches()) {
            String name = db == null || db.isBlank() ? "tollgate" : db;
            return Map.of("statement_id", id, "series", List.of(Map.of("name", "databases",
                    "columns", List.of("name"), "values", List.of(List.of(name)))));
        }
        String verb = statement.strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
        return Map.of("statement_id", id, "error", "Tollgate answers CREATE DATABASE and SHOW DATABASES only, not "
                + verb + "; read metrics through /api/v1/metrics/aggregate and /api/v1/metrics/series");
    }
}
