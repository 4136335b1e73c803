package dev.tollgate.ui;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;

import dev.tollgate.api.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An EXPRESSION rule: a CEL boolean over metric aggregates, true meaning fail. It is compiled as
 * it is typed, so a fault shows with its line and column before the rule is saved.
 */
final class ExpressionParamsForm extends RuleParamsForm {

    static final String FIELD = "expression";

    private final TextArea expression = new TextArea("Expression (CEL)");
    private final Function<ObjectNode, List<Violation>> check;

    ExpressionParamsForm(Function<ObjectNode, List<Violation>> check) {
        this.check = check;
        expression.setId("param-expression");
        expression.addClassName("rule-expression");
        expression.setManualValidation(true);
        expression.setRequiredIndicatorVisible(true);
        expression.setPlaceholder("sum(\"errors\", \"1h\") / sum(\"requests\", \"1h\") > 0.01");
        expression.setHelperText("True means fail. Functions such as sum, avg, max and p99 take a metric and a window");
        expression.setValueChangeMode(ValueChangeMode.LAZY);
        // Typed, not filled in from a stored rule, which compiled when it was saved.
        expression.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                compile();
            }
        });
        add(expression);
        setColspan(expression, 2);
    }

    /** Shows what the rules service says of the expression alone; the other fields wait for the save. */
    private void compile() {
        if (expression.getValue().isBlank()) {
            expression.setInvalid(false);
            return;
        }
        String pointer = "/" + POINTER + "/" + FIELD;
        String faults = check.apply(params()).stream().filter(violation -> pointer.equals(violation.pointer()))
                .map(Violation::message).collect(Collectors.joining("; "));
        expression.setErrorMessage(faults);
        expression.setInvalid(!faults.isEmpty());
    }

    @Override
    ObjectNode params() {
        ObjectNode json = object();
        // Sent as typed: inside a CEL string, spaces matter.
        if (!expression.getValue().isBlank()) {
            json.put(FIELD, expression.getValue());
        }
        return json;
    }

    @Override
    void fill(JsonNode params) {
        expression.setValue(text(params, FIELD));
    }

    @Override
    void register(FormViolations violations) {
        violations.on(POINTER + "/" + FIELD, expression);
    }
}
