package dev.tollgate.ui;

import com.vaadin.flow.component.textfield.TextField;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A BAKE_TIME rule: the version has run in the source stage for at least this long, or the gate waits. */
final class BakeTimeParamsForm extends RuleParamsForm {

    private final TextField duration = field("Bake time", "param-duration");

    BakeTimeParamsForm() {
        duration.setPlaceholder("PT1H");
        duration.setHelperText("How long the version must have SUCCEEDED in the source stage: PT1H, 30m, P1D");
        duration.setRequiredIndicatorVisible(true);
        add(duration);
    }

    @Override
    ObjectNode params() {
        ObjectNode json = object();
        putText(json, "duration", duration.getValue());
        return json;
    }

    @Override
    void fill(JsonNode params) {
        duration.setValue(text(params, "duration"));
    }

    @Override
    void register(FormViolations violations) {
        violations.on(POINTER + "/duration", duration);
    }
}
