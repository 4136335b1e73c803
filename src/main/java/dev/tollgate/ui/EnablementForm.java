package dev.tollgate.ui;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import dev.tollgate.api.Violations;
import dev.tollgate.catalog.MetricDefinition;
import dev.tollgate.ingest.TeamFigures;

/**
 * Records an enablement figure of a team as it stands today, such as the share of the team with
 * current security training: one team-level point, as a pipeline would send it.
 */
final class EnablementForm extends FormDialog {

    private final TeamFigures figures;
    private final String team;
    private final Runnable onSaved;
    private final Select<MetricDefinition> metric = new Select<>();
    private final TextField value = new TextField("Value");

    EnablementForm(TeamFigures figures, String team, List<MetricDefinition> recordable, Runnable onSaved) {
        super("Record an enablement figure", "Record");
        this.figures = figures;
        this.team = team;
        this.onSaved = onSaved;

        metric.setId("enablement-metric");
        metric.setLabel("Figure");
        metric.setItems(recordable);
        metric.setItemLabelGenerator(definition -> definition.description() == null ? definition.id()
                : definition.description() + " (" + definition.id() + ")");
        metric.addValueChangeListener(e -> unitSuffix());
        if (!recordable.isEmpty()) {
            metric.setValue(recordable.getFirst());
        }
        value.setId("enablement-value");
        value.setRequiredIndicatorVisible(true);
        value.setManualValidation(true);
        value.setHelperText("As it stands today; the scorecard shows the latest figure of the period.");
        value.setAutofocus(true);
        form.add(metric, value);
        violations.on("0/metric", metric).on("0/value", value).on("value", value);
    }

    private void unitSuffix() {
        MetricDefinition definition = metric.getValue();
        String unit = definition == null ? "" : FigureText.value(0.0, definition.unit()).replaceFirst("^0\\s*", "");
        value.setSuffixComponent(unit.isEmpty() ? null : new Div(unit));
    }

    @Override
    void save() {
        Violations typed = new Violations();
        MetricDefinition definition = metric.getValue();
        typed.required("/0/metric", definition);
        Double number = NumberInput.parse(typed, "/value", value.getValue());
        typed.required("/value", value.getValue() == null || value.getValue().isBlank() ? null : value.getValue());
        // A share above a hundred percent, or below none, is a typing error, whatever the API takes.
        if (number != null && definition != null && "percent".equals(definition.unit()) && (number < 0 || number > 100)) {
            typed.add("/value", "must be between 0 and 100");
        }
        typed.throwIfAny("The figure was not recorded");
        figures.record(team, definition.id(), number);
        onSaved.run();
    }
}
