package dev.tollgate.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import dev.tollgate.api.Identifier;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Violation;
import dev.tollgate.rules.RuleKind;
import dev.tollgate.rules.Rules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates or changes a rule: what every rule has (scope, stages, what a failure and a lack of
 * data do, dry run or enforced), and the params of its kind. It writes the rule's JSON as the API
 * takes it; the rules service judges it whole and its refusals land on the fields.
 */
final class RuleForm extends FormDialog {

    /** Wide enough for two columns of fields. */
    static final String WIDTH = "min(54rem, 100vw)";
    private static final Map<String, String> ON_FAIL = Map.of("WARN", "Warn, and promote",
            "STOP", "Stop the promotion", "ROLLBACK", "Stop, and roll back");
    private static final Map<String, String> ON_NO_DATA = Map.of("PASS", "Pass", "WARN", "Warn, and promote",
            "WAIT", "Wait for data", "STOP", "Stop the promotion");
    private static final Map<String, String> MODES = Map.of("ENFORCE", "Enforce: it decides promotions",
            "DRY_RUN", "Dry run: shown in evaluations, never decides");

    /** Which services a rule gates. */
    enum Reach {
        EVERY_SERVICE("Every service"), TEAM("A team's services"), SERVICE("One service");

        final String label;

        Reach(String label) {
            this.label = label;
        }
    }

    private final Rules rules;
    private final List<String> metrics;
    private final Consumer<Rules.Written> onSaved;
    private final TextField id = new TextField("Id");
    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description (optional)");
    private final Select<Reach> reach = new Select<>();
    private final ComboBox<String> team = new ComboBox<>("Team");
    private final ComboBox<String> service = new ComboBox<>("Service");
    private final TextField stages = new TextField("Target stages");
    private final Select<RuleKind> kind = new Select<>();
    private final Div paramsSlot = new Div();
    private final Select<String> onFail = new Select<>();
    private final Select<String> onNoData = new Select<>();
    private final Select<String> mode = new Select<>();
    private final Checkbox enabled = new Checkbox("Enabled");
    private RuleParamsForm params;

    /** {@code backtest} replays the rule as edited; null leaves the form without one. */
    RuleForm(Rules rules, TeamChoices teams, List<String> services, List<String> metrics, ObjectNode existing,
            RuleBacktestPanel backtest, Consumer<Rules.Written> onSaved) {
        super(existing == null ? "New rule" : "Edit rule " + existing.path("id").asString(),
                existing == null ? "Create" : "Save");
        this.rules = rules;
        this.metrics = metrics;
        this.onSaved = onSaved;
        setWidth(WIDTH);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));

        id.setId("rule-id");
        id.setMaxLength(Identifier.MAX_LENGTH);
        id.setHelperText("Fixed once created. " + Identifier.DESCRIPTION);
        id.setRequiredIndicatorVisible(true);
        id.setManualValidation(true);
        name.setId("rule-name");
        name.setRequiredIndicatorVisible(true);
        name.setManualValidation(true);
        description.setId("rule-description");
        description.setManualValidation(true);
        reach.setId("rule-scope");
        reach.setLabel("Gates");
        reach.setItems(Reach.values());
        reach.setItemLabelGenerator(r -> r.label);
        reach.setValue(Reach.EVERY_SERVICE);
        reach.addValueChangeListener(e -> showReach());
        team.setId("rule-scope-team");
        team.setItems(teams.ids());
        team.setItemLabelGenerator(teams::label);
        team.setManualValidation(true);
        service.setId("rule-scope-service");
        service.setItems(services);
        service.setManualValidation(true);
        stages.setId("rule-stages");
        stages.setPlaceholder("Every stage");
        stages.setHelperText("The stages promotions into which it gates, separated by commas; empty: every stage");
        stages.setManualValidation(true);
        kind.setId("rule-kind");
        kind.setLabel("Kind");
        kind.setItems(RuleKind.values());
        kind.setItemLabelGenerator(RuleForm::describe);
        kind.addValueChangeListener(e -> kindChanged(e.getOldValue(), e.getValue()));
        paramsSlot.addClassName("rule-params-slot");
        onFail.setId("rule-on-fail");
        onFail.setLabel("When it fails");
        onFail.setItems("WARN", "STOP", "ROLLBACK");
        onFail.setItemLabelGenerator(ON_FAIL::get);
        onNoData.setId("rule-on-no-data");
        onNoData.setLabel("When there is no data");
        onNoData.setItems("PASS", "WARN", "WAIT", "STOP");
        onNoData.setItemLabelGenerator(ON_NO_DATA::get);
        onNoData.setValue("STOP");
        mode.setId("rule-mode");
        mode.setLabel("Mode");
        mode.setItems("ENFORCE", "DRY_RUN");
        mode.setItemLabelGenerator(MODES::get);
        mode.setValue("ENFORCE");
        enabled.setId("rule-enabled");
        enabled.setValue(true);

        form.add(id, name, description, reach, team, service, stages, kind, paramsSlot, onFail, onNoData, mode,
                enabled);
        form.setColspan(description, 2);
        form.setColspan(paramsSlot, 2);
        violations.on("id", id).on("name", name).on("description", description).on("scope", reach)
                .on("scope/team", team).on("scope/service", service).on("stages", stages, "stage").on("kind", kind)
                .on("onFail", onFail).on("onNoData", onNoData).on("mode", mode);

        if (existing == null) {
            kind.setValue(RuleKind.THRESHOLD);
            id.setAutofocus(true);
        } else {
            fill(existing);
            name.setAutofocus(true);
        }
        showReach();
        if (backtest != null) {
            form.add(backtest);
            form.setColspan(backtest, 2);
            backtest.bind(this::rule, violations);
            // What a rule gates decides which services and stages a backtest may ask about.
            reach.addValueChangeListener(e -> backtest.ruleChanged());
            team.addValueChangeListener(e -> backtest.ruleChanged());
            service.addValueChangeListener(e -> backtest.ruleChanged());
            stages.addValueChangeListener(e -> backtest.ruleChanged());
        }
    }

    private void fill(JsonNode rule) {
        id.setValue(rule.path("id").asString());
        id.setReadOnly(true);
        name.setValue(RuleParamsForm.text(rule, "name"));
        description.setValue(RuleParamsForm.text(rule, "description"));
        JsonNode scope = rule.path("scope");
        reach.setValue(scope.has("team") ? Reach.TEAM : scope.has("service") ? Reach.SERVICE : Reach.EVERY_SERVICE);
        team.setValue(scope.has("team") ? scope.path("team").asString() : null);
        service.setValue(scope.has("service") ? scope.path("service").asString() : null);
        List<String> path = rule.path("stages").values().stream().map(JsonNode::asString).toList();
        stages.setValue(StagePath.editable(path));
        kind.setValue(RuleKind.valueOf(rule.path("kind").asString()));
        params.fill(rule.path("params"));
        onFail.setValue(RuleParamsForm.text(rule, "onFail"));
        onNoData.setValue(RuleParamsForm.text(rule, "onNoData"));
        mode.setValue(RuleParamsForm.text(rule, "mode"));
        enabled.setValue(rule.path("enabled").asBoolean(true));
    }

    private void showReach() {
        team.setVisible(reach.getValue() == Reach.TEAM);
        service.setVisible(reach.getValue() == Reach.SERVICE);
    }

    /** A new kind has other params; what a failure does follows the kind's default unless it was changed. */
    private void kindChanged(RuleKind before, RuleKind after) {
        violations.forget(RuleParamsForm.POINTER);
        paramsSlot.removeAll();
        params = RuleParamsForm.of(after, metrics, this::check);
        params.register(violations);
        paramsSlot.add(params);
        if (onFail.getValue() == null || onFail.getValue().equals(defaultOnFail(before))) {
            onFail.setValue(defaultOnFail(after));
        }
    }

    /** API.md: test failures roll back; every other failure stops. */
    private static String defaultOnFail(RuleKind kind) {
        return kind == RuleKind.TESTS_PASSED ? "ROLLBACK" : "STOP";
    }

    private List<Violation> check(ObjectNode typedParams) {
        return rules.check(id.getValue().strip(), rule(typedParams));
    }

    /** The rule as the API takes it (its id is in the path, not the body). */
    ObjectNode rule() {
        return rule(params.params());
    }

    private ObjectNode rule(ObjectNode typedParams) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", name.getValue().strip());
        if (!description.getValue().isBlank()) {
            json.put("description", description.getValue().strip());
        }
        ObjectNode scope = json.putObject("scope");
        if (reach.getValue() == Reach.TEAM && team.getValue() != null) {
            scope.put("team", team.getValue());
        }
        if (reach.getValue() == Reach.SERVICE && service.getValue() != null) {
            scope.put("service", service.getValue());
        }
        if (reach.getValue() != Reach.EVERY_SERVICE && scope.isEmpty()) {
            // Never widen a rule meant for one team or service to every service because a pick is missing.
            scope.put(reach.getValue() == Reach.TEAM ? "team" : "service", "");
        }
        ArrayNode path = json.putArray("stages");
        StagePath.parse(stages.getValue()).forEach(path::add);
        json.put("kind", kind.getValue().name());
        json.set("params", typedParams);
        json.put("onFail", onFail.getValue());
        json.put("onNoData", onNoData.getValue());
        json.put("mode", mode.getValue());
        json.put("enabled", enabled.getValue());
        return json;
    }

    @Override
    void save() {
        if (reach.getValue() == Reach.TEAM && team.getValue() == null) {
            throw InvalidInputException.of("/scope/team", "is required: the team whose services it gates");
        }
        if (reach.getValue() == Reach.SERVICE && service.getValue() == null) {
            throw InvalidInputException.of("/scope/service", "is required: the service it gates");
        }
        onSaved.accept(rules.put(id.getValue().strip(), rule()));
    }

    static String describe(RuleKind kind) {
        return switch (kind) {
            case THRESHOLD -> "Threshold: a metric against a limit";
            case BAKE_TIME -> "Bake time: long enough in the source stage";
            case PROMOTION_ORDER -> "Promotion order: no stage skipped";
            case TESTS_PASSED -> "Tests passed";
            case DEPLOYMENT_WINDOW -> "Deployment window: only at allowed times";
            case CHANGE_FAILURE_RATE -> "Change failure rate";
            case EXPRESSION -> "Expression (CEL)";
        };
    }
}
