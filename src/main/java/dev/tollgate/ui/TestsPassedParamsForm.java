package dev.tollgate.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.textfield.TextField;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
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
        List<String> names = Arrays.stream(suites.getValue().split(",")).map(String::strip)
                .filter(name -> !name.isEmpty()).toList();
        if (!names.isEmpty()) {
            ArrayNode list = json.putArray("suites");
            names.forEach(list::add);
        }
        return json;
    }

    @Override
    void fill(JsonNode params) {
        List<String> names = new ArrayList<>();
        params.path("suites").forEach(name -> names.add(name.asString()));
        suites.setValue(String.join(", ", names));
    }

    @Override
    void register(FormViolations violations) {
        violations.on(POINTER + "/suites", suites, "suite");
    }
}
