package dev.tollgate.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.tollgate.api.Identifier;
import dev.tollgate.api.Violations;
import tools.jackson.databind.JsonNode;

/**
 * Reads a rule's JSON (the body of {@code PUT /api/v1/rules/{rule}}, an item of the catalog
 * document) into a {@link Rule}, with API.md's defaults: {@code onFail} STOP (ROLLBACK for
 * TESTS_PASSED: test failures roll back), {@code onNoData} STOP, {@code mode} ENFORCE, enabled.
 * Every fault is noted at its pointer; the caller refuses the rule whole.
 */
final class RuleReader {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2_000;
    private static final Set<String> FIELDS = Set.of("name", "description", "scope", "stages", "kind", "params",
            "onFail", "onNoData", "mode", "enabled");

    private final Violations violations;

    RuleReader(Violations violations) {
        this.violations = violations;
    }

    /** The rule {@code id} that {@code body} describes, or empty with its faults noted. */
    Optional<Rule> read(String id, JsonNode body) {
        int before = violations.count();
        violations.identifier("/id", id);
        if (body == null || !body.isObject()) {
            violations.add("/", "must be a rule object");
            return Optional.empty();
        }
        for (String field : body.propertyNames()) {
            if (!FIELDS.contains(field)) {
                violations.add("/" + field, "is not a field of a rule");
            }
        }
        String name = text(body, "name");
        violations.text("/name", name, MAX_NAME);
        String description = text(body, "description");
        violations.optionalText("/description", description, MAX_DESCRIPTION);
        Rule.Scope scope = scope(body.path("scope"));
        List<String> stages = stages(body.path("stages"));
        RuleKind kind = choice(body, "kind", RuleKind.values(), null);
        Optional<RuleParams> params = kind == null ? Optional.empty()
                : new RuleParamsReader(violations).read(kind, body.path("params"));
        OnFail onFail = choice(body, "onFail", OnFail.values(), kind == RuleKind.TESTS_PASSED ? OnFail.ROLLBACK : OnFail.STOP);
        OnNoData onNoData = choice(body, "onNoData", OnNoData.values(), OnNoData.STOP);
        Mode mode = choice(body, "mode", Mode.values(), Mode.ENFORCE);
        JsonNode enabled = body.path("enabled");
        if (!enabled.isMissingNode() && !enabled.isNull() && !enabled.isBoolean()) {
            violations.add("/enabled", "must be true or false");
        }
        if (violations.count() != before || params.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Rule(id, name.strip(), description, scope, stages, params.get(), onFail, onNoData,
                mode == Mode.DRY_RUN, !enabled.isBoolean() || enabled.booleanValue()));
    }

    /** A rule's {@code mode}. */
    enum Mode {
        ENFORCE, DRY_RUN
    }

    private Rule.Scope scope(JsonNode scope) {
        if (scope.isMissingNode() || scope.isNull()) {
            return Rule.Scope.EVERY_SERVICE;
        }
        if (!scope.isObject()) {
            violations.add("/scope", "must be {} (every service), {\"team\": …} or {\"service\": …}");
            return null;
        }
        for (String field : scope.propertyNames()) {
            if (!field.equals("team") && !field.equals("service")) {
                violations.add("/scope/" + field, "is neither team nor service");
            }
        }
        String team = text(scope, "team");
        String service = text(scope, "service");
        if (team != null && service != null) {
            violations.add("/scope", "names a team or a service, not both");
            return null;
        }
        if (team != null && !violations.identifier("/scope/team", team)) {
            return null;
        }
        if (service != null && !violations.identifier("/scope/service", service)) {
            return null;
        }
        return new Rule.Scope(team, service);
    }

    private List<String> stages(JsonNode stages) {
        List<String> read = new ArrayList<>();
        if (stages.isMissingNode() || stages.isNull()) {
            return read;
        }
        if (!stages.isArray()) {
            violations.add("/stages", "must be a list of stages ([] for every stage)");
            return read;
        }
        for (int i = 0; i < stages.size(); i++) {
            String stage = stages.get(i).isString() ? stages.get(i).stringValue() : null;
            if (violations.identifier("/stages/" + i, stage) && !read.contains(stage)) {
                read.add(stage);
            }
        }
        return read;
    }

    private <E extends Enum<E>> E choice(JsonNode body, String field, E[] values, E fallback) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            if (fallback == null) {
                violations.add("/" + field, "is required: one of " + names(values));
            }
            return fallback;
        }
        for (E candidate : values) {
            if (value.isString() && candidate.name().equals(value.stringValue())) {
                return candidate;
            }
        }
        violations.add("/" + field, "must be one of " + names(values));
        return null;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isString() ? value.stringValue() : null;
    }

    private static <E extends Enum<E>> String names(E[] values) {
        List<String> names = new ArrayList<>();
        for (E value : values) {
            names.add(value.name());
        }
        return String.join(", ", names);
    }
}
