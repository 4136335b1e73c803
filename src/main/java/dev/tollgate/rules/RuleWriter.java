package dev.tollgate.rules;

import java.time.DayOfWeek;
import java.util.Comparator;

import dev.tollgate.api.ApiDuration;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Rule} as API.md "Rules" shows it: what {@link RuleReader} reads, so that a rule
 * read back from its own JSON is the same rule (the API's answers, the catalog document's export).
 */
final class RuleWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RuleWriter() {
    }

    static ObjectNode write(Rule rule) {
        ObjectNode json = NODES.objectNode();
        json.put("id", rule.id());
        json.put("name", rule.name());
        if (rule.description() != null) {
            json.put("description", rule.description());
        }
        ObjectNode scope = json.putObject("scope");
        if (rule.scope().team() != null) {
            scope.put("team", rule.scope().team());
        }
        if (rule.scope().service() != null) {
            scope.put("service", rule.scope().service());
        }
        ArrayNode stages = json.putArray("stages");
        rule.stages().forEach(stages::add);
        json.put("kind", rule.kind().name());
        json.set("params", params(rule.params()));
        json.put("onFail", rule.onFail().name());
        json.put("onNoData", rule.onNoData().name());
        json.put("mode", rule.dryRun() ? RuleReader.Mode.DRY_RUN.name() : RuleReader.Mode.ENFORCE.name());
        json.put("enabled", rule.enabled());
        return json;
    }

    static ObjectNode params(RuleParams params) {
        ObjectNode json = NODES.objectNode();
        switch (params) {
            case Threshold threshold -> {
                json.put("metric", threshold.metric());
                json.put("aggregation", threshold.aggregation().wireName());
                json.put("window", ApiDuration.format(threshold.window()));
                json.put("operator", threshold.operator().symbol());
                if (threshold.relativeTo() == null) {
                    json.put("threshold", threshold.threshold());
                } else {
                    json.putObject("relativeTo").put("window", ApiDuration.format(threshold.relativeTo().window()))
                            .put("factor", threshold.relativeTo().factor());
                }
                if (threshold.per() != null) {
                    json.put("per", threshold.per());
                }
                json.put("of", threshold.of().name());
            }
            case BakeTime bake -> json.put("duration", ApiDuration.format(bake.duration()));
            case PromotionOrder order -> {
                // No params.
            }
            case TestsPassed tests -> {
                ArrayNode suites = json.putArray("suites");
                tests.suites().stream().sorted().forEach(suites::add);
            }
            case DeploymentWindow window -> {
                json.put("timezone", window.zone().getId());
                ArrayNode allow = json.putArray("allow");
                for (DeploymentWindow.Allowed allowed : window.allow()) {
                    ObjectNode item = allow.addObject();
                    ArrayNode days = item.putArray("days");
                    allowed.days().stream().sorted().map(RuleWriter::day).forEach(days::add);
                    item.put("from", allowed.from().toString());
                    item.put("to", allowed.to().toString());
                }
                ArrayNode deny = json.putArray("deny");
                window.deny().stream().sorted(Comparator.naturalOrder()).map(Object::toString).forEach(deny::add);
            }
            case ChangeFailureRate rate -> {
                json.put("window", ApiDuration.format(rate.window()));
                json.put("max", rate.max());
            }
            case Expression expression -> json.put("expression", expression.expression().text());
        }
        return json;
    }

    private static String day(DayOfWeek day) {
        return day.name().substring(0, 3);
    }
}
