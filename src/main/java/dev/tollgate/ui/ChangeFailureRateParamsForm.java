package dev.tollgate.ui;

import com.vaadin.flow.component.textfield.TextField;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A CHANGE_FAILURE_RATE rule: failed and rolled-back deployments into the target stage, over all finished. */
final class ChangeFailureRateParamsForm extends RuleParamsForm {

    private final TextField window = field("Window", "param-window");
    private final TextField max = field("Highest rate", "param-max");

    ChangeFailureRateParamsForm() {
        window.setPlaceholder("P30D");
        window.setHelperText("The deployments that finished this far back: P30D, P7D");
        window.setRequiredIndicatorVisible(true);
        max.setPlaceholder("0.15");
        max.setHelperText("A share between 0 and 1: 0.15 fails above 15 %");
        max.setRequiredIndicatorVisible(true);
        add(window, max);
    }

    @Override
    ObjectNode params() {
        ObjectNode json = object();
        putText(json, "window", window.getValue());
        putNumber(json, "max", max.getValue());
        return json;
    }

    @Override
    void fill(JsonNode params) {
        window.setValue(text(params, "window"));
        max.setValue(text(params, "max"));
    }

    @Override
    void register(FormViolations violations) {
        violations.on(POINTER + "/window", window).on(POINTER + "/max", max);
    }
}
