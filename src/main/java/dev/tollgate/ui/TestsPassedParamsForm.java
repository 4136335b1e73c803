package dev.tollgate.ui;

import com.vaadin.flow.component.textfield.TextField;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A TESTS_PASSED rule: the latest run of each suite for the version in the source stage failed nothing. */
final class TestsPassedParamsForm extends RuleParamsForm {

    private final TextField suites = field("Suites (optional)", "param-suites");

    TestsPassedParamsForm() {
        suites.setPlaceholder("integration, e2e");
        suites.setHelperText("Separated by commas. Empty: every suite reported for the version");
        add(suites);
    }

    @Override
    ObjectNode params() {
        ObjectNode json = object();
        putList(json, "suites", suites.getValue());
        return json;
    }

    @Override
    void fill(JsonNode params) {
        suites.setValue(listText(params, "suites"));
    }

    @Override
    void register(FormViolations violations) {
        violations.on(POINTER + "/suites", suites, "suite");
    }
}
