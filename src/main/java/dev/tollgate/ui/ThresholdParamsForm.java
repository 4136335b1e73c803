package dev.tollgate.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import dev.tollgate.catalog.Aggregation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A THRESHOLD rule: it fails when a metric's figure over a window compares with a threshold as the operator says. */
final class ThresholdParamsForm extends RuleParamsForm {

    /** API.md's operators, with how people read them. */
    private static final Map<String, String> OPERATORS = Map.of(">", "> above", ">=", ">= at or above", "<",
            "< below", "<=", "<= at or below");
    private static final Map<String, String> WHOSE = Map.of("SOURCE", "Source stage (the version leaves it)",
            "TARGET", "Target stage (the version enters it)", "TEAM", "The team's own metrics");

    private final ComboBox<String> metric = metricChoice("Metric", "param-metric");
    private final Select<Aggregation> aggregation = new Select<>();
    private final TextField window = field("Window", "param-window");
    private final Select<String> operator = new Select<>();
    private final TextField threshold = field("Threshold", "param-threshold");
    private final ComboBox<String> per = metricChoice("Per (optional)", "param-per");
    private final Select<String> of = new Select<>();
    private final TextField baselineWindow = field("Baseline window (optional)", "param-baseline-window");
    private final TextField baselineFactor = field("Baseline factor", "param-baseline-factor");

    ThresholdParamsForm(List<String> metrics) {
        metric.setItems(metrics);
        metric.setRequiredIndicatorVisible(true);
        aggregation.setId("param-aggregation");
        aggregation.setLabel("Aggregation");
        aggregation.setItems(Aggregation.values());
        aggregation.setItemLabelGenerator(Aggregation::wireName);
        aggregation.setValue(Aggregation.SUM);
        window.setPlaceholder("PT1H");
        window.setHelperText("How far back the figure reaches: PT1H, 15m, P7D");
        window.setRequiredIndicatorVisible(true);
        operator.setId("param-operator");
        operator.setLabel("Fails when the figure is");
        operator.setItems(List.of(">", ">=", "<", "<="));
        operator.setItemLabelGenerator(OPERATORS::get);
        operator.setValue(">");
        threshold.setPlaceholder("10");
        threshold.setHelperText("Left out with a baseline: the threshold is then factor × baseline");
        per.setItems(metrics);
        per.setClearButtonVisible(true);
        per.setHelperText("Divides by the same figure of this metric: errors per requests is an error rate");
        of.setId("param-of");
        of.setLabel("Of");
        of.setItems(List.of("SOURCE", "TARGET", "TEAM"));
        of.setItemLabelGenerator(WHOSE::get);
        of.setValue("SOURCE");
        baselineWindow.setPlaceholder("P7D");
        baselineWindow.setHelperText("Compare with the same figure over this window before");
        baselineFactor.setPlaceholder("1.5");
        add(metric, aggregation, window, operator, threshold, per, of, baselineWindow, baselineFactor);
    }

    private static ComboBox<String> metricChoice(String label, String id) {
        ComboBox<String> choice = new ComboBox<>(label);
        choice.setId(id);
        choice.setManualValidation(true);
        // Any metric key will do: a metric needs no definition to be stored and judged.
        choice.setAllowCustomValue(true);
        choice.addCustomValueSetListener(e -> choice.setValue(e.getDetail()));
        return choice;
    }

    @Override
    ObjectNode params() {
        ObjectNode json = object();
        putText(json, "metric", metric.getValue());
        if (aggregation.getValue() != null) {
            json.put("aggregation", aggregation.getValue().wireName());
        }
        putText(json, "window", window.getValue());
        putText(json, "operator", operator.getValue());
        boolean relative = !baselineWindow.getValue().isBlank() || !baselineFactor.getValue().isBlank();
        if (relative) {
            ObjectNode relativeTo = json.putObject("relativeTo");
            putText(relativeTo, "window", baselineWindow.getValue());
            putNumber(relativeTo, "factor", baselineFactor.getValue());
        } else {
            putNumber(json, "threshold", threshold.getValue());
        }
        putText(json, "per", per.getValue());
        putText(json, "of", of.getValue());
        return json;
    }

    @Override
    void fill(JsonNode params) {
        metric.setValue(text(params, "metric"));
        Aggregation read = Aggregation.SUM;
        for (Aggregation candidate : Aggregation.values()) {
            if (candidate.wireName().equals(text(params, "aggregation"))) {
                read = candidate;
            }
        }
        aggregation.setValue(read);
        window.setValue(text(params, "window"));
        operator.setValue(OPERATORS.containsKey(text(params, "operator")) ? text(params, "operator") : ">");
        threshold.setValue(text(params, "threshold"));
        per.setValue(text(params, "per").isEmpty() ? null : text(params, "per"));
        of.setValue(WHOSE.containsKey(text(params, "of")) ? text(params, "of") : "SOURCE");
        baselineWindow.setValue(text(params.path("relativeTo"), "window"));
        baselineFactor.setValue(text(params.path("relativeTo"), "factor"));
    }

    @Override
    void register(FormViolations violations) {
        violations.on(POINTER + "/metric", metric).on(POINTER + "/aggregation", aggregation)
                .on(POINTER + "/window", window).on(POINTER + "/operator", operator)
                .on(POINTER + "/threshold", threshold).on(POINTER + "/per", per).on(POINTER + "/of", of)
                .on(POINTER + "/relativeTo", baselineWindow).on(POINTER + "/relativeTo/window", baselineWindow)
                .on(POINTER + "/relativeTo/factor", baselineFactor);
    }
}
