package dev.tollgate.rules;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.tollgate.api.ApiDuration;
import dev.tollgate.api.ApiTime;
import dev.tollgate.api.MetricKey;
import dev.tollgate.api.Violations;
import dev.tollgate.catalog.Aggregation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads a rule's {@code params} (API.md "Rules") into the record of its kind, noting every fault
 * at its JSON pointer ({@code /params/window}) instead of stopping at the first. A field a kind
 * does not have is a fault too: a misspelt {@code thresold} must not leave a rule that gates
 * nothing.
 */
final class RuleParamsReader {

    /**
     * The longest window, bake time or lookback a rule may name: a year, leap day included. Past it
     * a window is a typo ({@code P3650D} for {@code P365D}) or an attack: a billion years reaches
     * before the first instant Java can name, and the gate would fail on every evaluation.
     */
    static final Duration MAX_DURATION = Duration.ofDays(366);
    static final String MAX_DURATION_DESCRIPTION = "must be at most P366D (a year)";

    private static final Map<RuleKind, Set<String>> FIELDS = Map.of(
            RuleKind.THRESHOLD, Set.of("metric", "aggregation", "window", "operator", "threshold", "per", "of",
                    "relativeTo"),
            RuleKind.BAKE_TIME, Set.of("duration"),
            RuleKind.PROMOTION_ORDER, Set.of(),
            RuleKind.TESTS_PASSED, Set.of("suites"),
            RuleKind.DEPLOYMENT_WINDOW, Set.of("timezone", "allow", "deny"),
            RuleKind.CHANGE_FAILURE_RATE, Set.of("window", "max"),
            RuleKind.EXPRESSION, Set.of("expression"));

    private final Violations violations;

    RuleParamsReader(Violations violations) {
        this.violations = violations;
    }

    /** The params of {@code kind}, or empty with the faults noted. {@code params} may be missing or null: {}. */
    Optional<RuleParams> read(RuleKind kind, JsonNode params) {
        int before = count();
        if (params != null && !params.isMissingNode() && !params.isNull() && !params.isObject()) {
            violations.add("/params", "must be an object");
            return Optional.empty();
        }
        JsonNode fields = params == null || params.isMissingNode() || params.isNull()
                ? JsonNodeFactory.instance.objectNode() : params;
        for (String name : fields.propertyNames()) {
            if (!FIELDS.get(kind).contains(name)) {
                violations.add("/params/" + name, "is not a param of " + kind + " (it takes "
                        + (FIELDS.get(kind).isEmpty() ? "none" : String.join(", ", FIELDS.get(kind).stream().sorted().toList()))
                        + ")");
            }
        }
        RuleParams read = switch (kind) {
            case THRESHOLD -> threshold(fields);
            case BAKE_TIME -> duration(fields, "duration").map(BakeTime::new).orElse(null);
            case PROMOTION_ORDER -> new PromotionOrder();
            case TESTS_PASSED -> new TestsPassed(strings(fields, "suites"));
            case DEPLOYMENT_WINDOW -> window(fields);
            case CHANGE_FAILURE_RATE -> changeFailureRate(fields);
            case EXPRESSION -> expression(fields);
        };
        return count() == before && read != null ? Optional.of(read) : Optional.empty();
    }

    private Threshold threshold(JsonNode fields) {
        String metric = metric(fields, "metric", true);
        Aggregation aggregation = choice(fields, "aggregation", Aggregation.values(), Aggregation::wireName, true);
        Duration window = duration(fields, "window").orElse(null);
        Threshold.Operator operator = choice(fields, "operator", Threshold.Operator.values(), Threshold.Operator::symbol,
                true);
        String per = metric(fields, "per", false);
        Threshold.Of of = choice(fields, "of", Threshold.Of.values(), Threshold.Of::name, false);
        Threshold.RelativeTo relativeTo = null;
        JsonNode relative = fields.path("relativeTo");
        if (!relative.isMissingNode() && !relative.isNull()) {
            Optional<Duration> baseline = relative.isObject() ? duration(relative, "window", "/params/relativeTo/window")
                    : Optional.empty();
            Double factor = relative.isObject() ? number(relative, "factor", "/params/relativeTo/factor", true) : null;
            if (!relative.isObject()) {
                violations.add("/params/relativeTo", "must be an object with window and factor");
            } else if (factor != null && factor <= 0) {
                violations.add("/params/relativeTo/factor", "must be above 0");
            } else if (baseline.isPresent() && factor != null) {
                relativeTo = new Threshold.RelativeTo(baseline.get(), factor);
            }
        }
        // With relativeTo, the threshold is a factor of the baseline: a fixed one would be ignored.
        Double threshold = number(fields, "threshold", "/params/threshold", !fields.has("relativeTo"));
        if (metric == null || aggregation == null || window == null || operator == null) {
            return null;
        }
        return new Threshold(metric, aggregation, window, operator, threshold == null ? 0 : threshold, per,
                of == null ? Threshold.Of.SOURCE : of, relativeTo);
    }

    private DeploymentWindow window(JsonNode fields) {
        ZoneId zone = null;
        JsonNode timezone = fields.path("timezone");
        if (!timezone.isString()) {
            violations.add("/params/timezone", "is required: an IANA time zone such as Europe/Berlin");
        } else {
            try {
                zone = ZoneId.of(timezone.stringValue());
            } catch (DateTimeException e) {
                violations.add("/params/timezone", "'" + timezone.stringValue() + "' is no time zone (IANA, such as Europe/Berlin)");
            }
        }
        List<DeploymentWindow.Allowed> allowed = new ArrayList<>();
        JsonNode allow = fields.path("allow");
        if (!allow.isArray() || allow.isEmpty()) {
            violations.add("/params/allow", "is required: a list of {days, from, to}");
        } else {
            for (int i = 0; i < allow.size(); i++) {
                allowed(allow.get(i), "/params/allow/" + i).ifPresent(allowed::add);
            }
        }
        Set<LocalDate> denied = new LinkedHashSet<>();
        JsonNode deny = fields.path("deny");
        if (!deny.isMissingNode() && !deny.isNull()) {
            if (!deny.isArray()) {
                violations.add("/params/deny", "must be a list of dates (YYYY-MM-DD)");
            } else {
                for (int i = 0; i < deny.size(); i++) {
                    Optional<LocalDate> day = ApiTime.parseDate(deny.get(i).isString() ? deny.get(i).stringValue() : null);
                    day.ifPresent(denied::add);
                    if (day.isEmpty()) {
                        violations.add("/params/deny/" + i, "must be " + ApiTime.DATE_DESCRIPTION);
                    }
                }
            }
        }
        return zone == null ? null : new DeploymentWindow(zone, allowed, denied);
    }

    private Optional<DeploymentWindow.Allowed> allowed(JsonNode window, String pointer) {
        if (!window.isObject()) {
            violations.add(pointer, "must be an object with days, from and to");
            return Optional.empty();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        JsonNode list = window.path("days");
        if (!list.isArray() || list.isEmpty()) {
            violations.add(pointer + "/days", "is required: a list of MON, TUE, WED, THU, FRI, SAT, SUN");
        } else {
            for (int i = 0; i < list.size(); i++) {
                Optional<DayOfWeek> day = dayOf(list.get(i));
                if (day.isPresent()) {
                    days.add(day.get());
                } else {
                    violations.add(pointer + "/days/" + i, "must be one of MON, TUE, WED, THU, FRI, SAT, SUN");
                }
            }
        }
        LocalTime from = time(window, "from", pointer);
        LocalTime to = time(window, "to", pointer);
        if (from != null && from.equals(to)) {
            violations.add(pointer + "/to", "must differ from from: the window would never be open");
            return Optional.empty();
        }
        return from == null || to == null || days.isEmpty() ? Optional.empty()
                : Optional.of(new DeploymentWindow.Allowed(days, from, to));
    }

    private ChangeFailureRate changeFailureRate(JsonNode fields) {
        Optional<Duration> window = duration(fields, "window");
        Double max = number(fields, "max", "/params/max", true);
        if (max != null && (max < 0 || max > 1)) {
            violations.add("/params/max", "must be a share between 0 and 1");
            return null;
        }
        return window.isEmpty() || max == null ? null : new ChangeFailureRate(window.get(), max);
    }

    private Expression expression(JsonNode fields) {
        JsonNode text = fields.path("expression");
        if (!text.isString()) {
            violations.add("/params/expression", "is required: a CEL expression, true meaning fail");
            return null;
        }
        try {
            return new Expression(MetricExpression.compile(text.stringValue()));
        } catch (MetricExpression.InvalidExpression e) {
            violations.add("/params/expression", (e.line() > 0 ? "line " + e.line() + ", column " + e.column() + ": " : "")
                    + e.getMessage());
            return null;
        }
    }

    private Optional<Duration> duration(JsonNode fields, String name) {
        return duration(fields, name, "/params/" + name);
    }

    private Optional<Duration> duration(JsonNode fields, String name, String pointer) {
        JsonNode value = fields.path(name);
        Optional<Duration> duration = value.isString() ? ApiDuration.parse(value.stringValue()) : Optional.empty();
        if (duration.isEmpty()) {
            violations.add(pointer, (value.isMissingNode() ? "is required: " : "must be ") + ApiDuration.DESCRIPTION);
        } else if (duration.get().compareTo(MAX_DURATION) > 0) {
            violations.add(pointer, MAX_DURATION_DESCRIPTION);
            return Optional.empty();
        }
        return duration;
    }

    private String metric(JsonNode fields, String name, boolean required) {
        JsonNode value = fields.path(name);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                violations.add("/params/" + name, "is required: a metric key");
            }
            return null;
        }
        return violations.metricKey("/params/" + name, value.isString() ? value.stringValue() : null)
                ? value.stringValue() : null;
    }

    private Double number(JsonNode fields, String name, String pointer, boolean required) {
        JsonNode value = fields.path(name);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                violations.add(pointer, "is required: a number");
            }
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            violations.add(pointer, "must be a number");
            return null;
        }
        return value.doubleValue();
    }

    private <E> E choice(JsonNode fields, String name, E[] values, Function<E, String> wire,
            boolean required) {
        JsonNode value = fields.path(name);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                violations.add("/params/" + name, "is required: one of " + names(values, wire));
            }
            return null;
        }
        String text = value.isString() ? value.stringValue() : "";
        for (E candidate : values) {
            if (wire.apply(candidate).equalsIgnoreCase(text)) {
                return candidate;
            }
        }
        violations.add("/params/" + name, "must be one of " + names(values, wire));
        return null;
    }

    private Set<String> strings(JsonNode fields, String name) {
        Set<String> strings = new LinkedHashSet<>();
        JsonNode list = fields.path(name);
        if (list.isMissingNode() || list.isNull()) {
            return strings;
        }
        if (!list.isArray()) {
            violations.add("/params/" + name, "must be a list of names");
            return strings;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.isString() || item.stringValue().isBlank() || item.stringValue().length() > 200) {
                violations.add("/params/" + name + "/" + i, "must be a name of 1 to 200 characters");
            } else {
                strings.add(item.stringValue());
            }
        }
        return strings;
    }

    private LocalTime time(JsonNode window, String name, String pointer) {
        JsonNode value = window.path(name);
        try {
            return LocalTime.parse(value.isString() ? value.stringValue() : "");
        } catch (DateTimeParseException e) {
            violations.add(pointer + "/" + name, "must be a time of day (HH:MM)");
            return null;
        }
    }

    private static Optional<DayOfWeek> dayOf(JsonNode value) {
        String text = value.isString() ? value.stringValue().toUpperCase(Locale.ROOT) : "";
        return Arrays.stream(DayOfWeek.values()).filter(day -> day.name().startsWith(text) && text.length() == 3)
                .findFirst();
    }

    private static <E> String names(E[] values, Function<E, String> wire) {
        return String.join(", ", Arrays.stream(values).map(wire).toList());
    }

    private int count() {
        return violations.count();
    }
}
