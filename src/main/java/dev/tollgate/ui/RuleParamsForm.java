package dev.tollgate.ui;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;

import dev.tollgate.api.Violation;
import dev.tollgate.rules.RuleKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code params} of one kind of rule (API.md "Rules") as form fields: filled from a rule's
 * JSON, written back as JSON. The fields hold what was typed; the rules service judges it, and its
 * violations land on the fields registered under {@code params}.
 */
abstract class RuleParamsForm extends FormLayout {

    /** Where the violations of a kind's params point; each form registers its fields below it. */
    static final String POINTER = "params";

    RuleParamsForm() {
        addClassName("rule-params");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("28rem", 2));
    }

    /** The params as the rule's JSON carries them; what was left empty is left out. */
    abstract ObjectNode params();

    /** Shows the params of a stored rule of this kind. */
    abstract void fill(JsonNode params);

    /** Names this form's fields to {@code violations}, under {@link #POINTER}. */
    abstract void register(FormViolations violations);

    /**
     * The form of {@code kind}. {@code check} answers the faults of a rule with the given params,
     * for the fields that show them while they are typed.
     */
    static RuleParamsForm of(RuleKind kind, List<String> metrics, Function<ObjectNode, List<Violation>> check) {
        return switch (kind) {
            case THRESHOLD -> new ThresholdParamsForm(metrics);
            case BAKE_TIME -> new BakeTimeParamsForm();
            case PROMOTION_ORDER -> new PromotionOrderParamsForm();
            case TESTS_PASSED -> new TestsPassedParamsForm();
            case DEPLOYMENT_WINDOW -> new DeploymentWindowParamsForm();
            case CHANGE_FAILURE_RATE -> new ChangeFailureRateParamsForm();
            case EXPRESSION -> new ExpressionParamsForm(check);
        };
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static TextField field(String label, String id) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setManualValidation(true);
        return field;
    }

    static void putText(ObjectNode json, String name, String typed) {
        if (typed != null && !typed.isBlank()) {
            json.put(name, typed.strip());
        }
    }

    /**
     * A number as a JSON number. What does not read as one is sent as typed, so that the service
     * says at its pointer what is wrong with it, as it would to any API client.
     */
    static void putNumber(ObjectNode json, String name, String typed) {
        if (typed == null || typed.isBlank()) {
            return;
        }
        try {
            double number = Double.parseDouble(typed.strip());
            if (Double.isFinite(number)) {
                json.put(name, number);
                return;
            }
        } catch (NumberFormatException e) {
            // Sent as typed, below.
        }
        json.put(name, typed.strip());
    }

    /** A list typed with commas between its items, as a JSON array; left out when empty. */
    static void putList(ObjectNode json, String name, String typed) {
        List<String> items = Arrays.stream(typed.split(",")).map(String::strip).filter(item -> !item.isEmpty())
                .toList();
        if (!items.isEmpty()) {
            ArrayNode list = json.putArray(name);
            items.forEach(list::add);
        }
    }

    /** A JSON array of texts as {@link #putList} reads it. */
    static String listText(JsonNode json, String name) {
        return String.join(", ", json.path(name).values().stream().map(JsonNode::asString).toList());
    }

    static String text(JsonNode json, String name) {
        JsonNode value = json.path(name);
        if (value.isNumber()) {
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }
        return value.isString() ? value.stringValue() : "";
    }
}
