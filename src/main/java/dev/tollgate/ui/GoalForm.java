package dev.tollgate.ui;

import java.util.Locale;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import dev.tollgate.api.Identifier;
import dev.tollgate.api.Violations;
import dev.tollgate.goals.Goal;
import dev.tollgate.goals.GoalCategory;
import dev.tollgate.goals.GoalDraft;
import dev.tollgate.goals.InputGoals;

/** Adds an input goal to a team, or changes one; the id is fixed once chosen. */
final class GoalForm extends FormDialog {

    private final InputGoals goals;
    private final String team;
    private final Runnable onSaved;
    private final TextField id = new TextField("Id");
    private final Select<GoalCategory> category = new Select<>();
    private final TextField title = new TextField("Title");
    private final TextField target = new TextField("Target");
    private final TextField current = new TextField("Current");
    private final TextField unit = new TextField("Unit");
    private final DatePicker due = new DatePicker("Due");

    GoalForm(InputGoals goals, String team, Goal existing, Runnable onSaved) {
        super(existing == null ? "New input goal" : "Edit goal " + existing.id(), existing == null ? "Add" : "Save");
        this.goals = goals;
        this.team = team;
        this.onSaved = onSaved;

        id.setId("goal-id");
        id.setMaxLength(Identifier.MAX_LENGTH);
        id.setHelperText("Fixed once created. " + Identifier.DESCRIPTION);
        id.setRequiredIndicatorVisible(true);
        id.setManualValidation(true);
        category.setId("goal-category");
        category.setLabel("Category");
        category.setItems(GoalCategory.values());
        category.setItemLabelGenerator(c -> c.name().charAt(0) + c.name().substring(1).toLowerCase(Locale.ROOT)
                .replace('_', ' '));
        category.setValue(GoalCategory.FEATURES);
        title.setId("goal-title");
        title.setMaxLength(Goal.MAX_TITLE_LENGTH);
        title.setRequiredIndicatorVisible(true);
        title.setManualValidation(true);
        target.setId("goal-target");
        target.setRequiredIndicatorVisible(true);
        target.setManualValidation(true);
        current.setId("goal-current");
        current.setRequiredIndicatorVisible(true);
        current.setManualValidation(true);
        current.setHelperText("Where the team stands now; pipelines may keep it up to date through the API.");
        unit.setId("goal-unit");
        unit.setMaxLength(Goal.MAX_UNIT_LENGTH);
        unit.setPlaceholder("features, ms, %");
        unit.setManualValidation(true);
        due.setId("goal-due");
        due.setManualValidation(true);
        due.setClearButtonVisible(true);
        form.add(id, category, title, target, current, unit, due);
        violations.on("goal", id).on("category", category).on("title", title).on("target", target)
                .on("current", current).on("unit", unit).on("due", due);

        if (existing == null) {
            id.setAutofocus(true);
            current.setValue("0");
        } else {
            id.setValue(existing.id());
            id.setReadOnly(true);
            category.setValue(existing.category());
            title.setValue(existing.title());
            target.setValue(NumberInput.text(existing.target()));
            current.setValue(NumberInput.text(existing.current()));
            unit.setValue(existing.unit() == null ? "" : existing.unit());
            due.setValue(existing.due());
            current.setAutofocus(true);
        }
    }

    @Override
    void save() {
        Violations typed = new Violations();
        Double targetValue = NumberInput.parse(typed, "/target", target.getValue());
        Double currentValue = NumberInput.parse(typed, "/current", current.getValue());
        typed.throwIfAny("The goal was not saved");
        goals.put(team, id.getValue().strip(), new GoalDraft(category.getValue(), title.getValue(), targetValue,
                currentValue, unit.getValue(), due.getValue() == null ? null : due.getValue().toString()));
        onSaved.run();
    }
}
