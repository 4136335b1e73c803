package dev.tollgate.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.tollgate.rules.Rules;
import tools.jackson.databind.json.JsonMapper;

/**
 * The promotion rules a team would start with, for every demo service: its error rate and latency
 * in the stage a version leaves, a bake time before production, the stages in order, passed tests,
 * and production only in office hours. Written through {@link Rules}, as an admin would.
 */
@Component
@ConditionalOnBooleanProperty("tollgate.demo.enabled")
class DemoRules {

    static final ZoneId WINDOW_ZONE = ZoneId.of("Europe/Berlin");
    static final LocalTime WINDOW_OPENS = LocalTime.of(9, 0);
    static final LocalTime WINDOW_CLOSES = LocalTime.of(16, 0);
    static final Set<DayOfWeek> WINDOW_DAYS = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    /** Christmas and New Year's Eve: nobody wants to be paged then. */
    static final List<LocalDate> WINDOW_DENIED = List.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25),
            LocalDate.of(2026, 12, 31));
    /** Before production; {@link DemoDeployments} bakes its versions at least this long. */
    static final int BAKE_HOURS = 4;
    static final double MAX_ERROR_RATE = 0.01;
    static final double MAX_LATENCY_P99_MS = 1000;
    /** The rules of one service. */
    static final int PER_SERVICE = 6;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Rules rules;

    DemoRules(Rules rules) {
        this.rules = rules;
    }

    /** Answers how many rules were written. In one transaction: one commit, not a hundred. */
    @Transactional
    int seed(List<DemoCatalog.DemoTeam> teams) {
        int written = 0;
        for (DemoCatalog.DemoTeam team : teams) {
            for (DemoCatalog.DemoService service : team.services()) {
                written += seed(service);
            }
        }
        return written;
    }

    private int seed(DemoCatalog.DemoService service) {
        String id = service.id();
        List<String> stages = service.stages();
        put(id + "-error-rate", "Error rate at most 1%", id, List.of(), "THRESHOLD",
                params("metric", "errors", "per", "requests", "aggregation", "sum", "window", "PT1H", "operator", ">",
                        "threshold", MAX_ERROR_RATE, "of", "SOURCE"),
                "Errors per request over the last hour in the stage the version leaves");
        put(id + "-latency-p99", "Latency p99 at most 1 s", id, List.of(), "THRESHOLD",
                params("metric", "latency_ms", "aggregation", "p99", "window", "PT1H", "operator", ">",
                        "threshold", MAX_LATENCY_P99_MS, "of", "SOURCE"),
                "The slowest one in a hundred requests over the last hour in the stage the version leaves");
        put(id + "-bake-time", "Baked " + BAKE_HOURS + " hours before production", id,
                List.of(stages.getLast()), "BAKE_TIME", params("duration", "PT" + BAKE_HOURS + "H"),
                "Long enough in the stage before production to see a traffic peak");
        put(id + "-promotion-order", "Stages in order", id, List.of(), "PROMOTION_ORDER", Map.of(),
                "Succeeded in the stage before, and no threshold failed there since");
        put(id + "-tests-passed", "Tests passed", id, List.of(), "TESTS_PASSED",
                params("suites", DemoDeployments.SUITES),
                "Unit and integration tests green in the stage before; a red one rolls the version back there");
        put(id + "-deployment-window", "Production in office hours", id,
                stages.stream().filter(DemoRules::production).toList(), "DEPLOYMENT_WINDOW",
                params("timezone", WINDOW_ZONE.getId(),
                        "allow", List.of(params("days", WINDOW_DAYS.stream().sorted().map(day -> day.name().substring(0, 3)).toList(),
                                "from", WINDOW_OPENS.toString(), "to", WINDOW_CLOSES.toString())),
                        "deny", WINDOW_DENIED.stream().map(LocalDate::toString).toList()),
                "Weekdays 09:00 to 16:00 Berlin time, when the team is there to watch; not on the holidays");
        return PER_SERVICE;
    }

    /** Production, in one region or several: the deployment window holds for these stages. */
    static boolean production(String stage) {
        return stage.startsWith("prod");
    }

    /** {@code at} if the window is open then, otherwise the moment it next opens. */
    static Instant windowOpenFrom(Instant at) {
        ZonedDateTime local = at.atZone(WINDOW_ZONE);
        LocalTime time = local.toLocalTime();
        if (allowed(local.toLocalDate()) && !time.isBefore(WINDOW_OPENS) && time.isBefore(WINDOW_CLOSES)) {
            return at;
        }
        LocalDate day = time.isBefore(WINDOW_OPENS) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        while (!allowed(day)) {
            day = day.plusDays(1);
        }
        return day.atTime(WINDOW_OPENS).atZone(WINDOW_ZONE).toInstant();
    }

    private static boolean allowed(LocalDate day) {
        return WINDOW_DAYS.contains(day.getDayOfWeek()) && !WINDOW_DENIED.contains(day);
    }

    private void put(String id, String name, String service, List<String> stages, String kind, Map<String, Object> params,
            String description) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", name);
        rule.put("description", description);
        rule.put("scope", Map.of("service", service));
        rule.put("stages", stages);
        rule.put("kind", kind);
        rule.put("params", params);
        rules.put(id, JSON.valueToTree(rule));
    }

    /** Params in the order given, as a rule's JSON shows them. */
    private static Map<String, Object> params(Object... namesAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }
}
