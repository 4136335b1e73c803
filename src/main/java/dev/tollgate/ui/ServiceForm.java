package dev.tollgate.ui;

import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import dev.tollgate.api.Identifier;
import dev.tollgate.catalog.Saved;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.ServiceDefinition;
import dev.tollgate.catalog.ServiceDraft;

/** Creates or changes a service: its owning team, its name and its promotion path. */
final class ServiceForm extends FormDialog {

    private static final String PATH_HELP = "The promotion path in order, separated by commas: "
            + "each stage is promoted from the one before it";

    private final ServiceCatalog services;
    private final Consumer<Saved<ServiceDefinition>> onSaved;
    private final TextField id = new TextField("Id");
    private final ComboBox<String> team = new ComboBox<>("Team");
    private final TextField name = new TextField("Name");
    private final TextField stages = new TextField("Stages");

    ServiceForm(ServiceCatalog services, TeamChoices teams, ServiceDefinition existing,
            Consumer<Saved<ServiceDefinition>> onSaved) {
        super(existing == null ? "New service" : "Edit service " + existing.id(), existing == null ? "Create" : "Save");
        this.services = services;
        this.onSaved = onSaved;

        id.setId("service-id");
        id.setMaxLength(Identifier.MAX_LENGTH);
        id.setHelperText("Fixed once created. " + Identifier.DESCRIPTION);
        id.setRequiredIndicatorVisible(true);
        id.setManualValidation(true);
        team.setId("service-team");
        team.setItems(teams.ids());
        team.setItemLabelGenerator(teams::label);
        team.setRequiredIndicatorVisible(true);
        team.setManualValidation(true);
        name.setId("service-name");
        name.setMaxLength(ServiceDefinition.MAX_NAME_LENGTH);
        name.setHelperText("Optional; the id when empty");
        name.setManualValidation(true);
        stages.setId("service-stages");
        stages.setPlaceholder("beta, gamma, prod");
        stages.setHelperText(PATH_HELP);
        stages.setRequiredIndicatorVisible(true);
        stages.setManualValidation(true);
        stages.setValueChangeMode(ValueChangeMode.LAZY);
        stages.addValueChangeListener(e -> showPath());
        form.add(id, team, name, stages);
        violations.on("service", id).on("team", team).on("name", name).on("stages", stages, "stage");

        if (existing == null) {
            id.setAutofocus(true);
        } else {
            id.setValue(existing.id());
            id.setReadOnly(true);
            team.setValue(existing.team());
            name.setValue(existing.name());
            stages.setValue(StagePath.editable(existing.stages()));
            team.setAutofocus(true);
        }
    }

    private void showPath() {
        List<String> path = StagePath.parse(stages.getValue());
        stages.setHelperText(path.size() < 2 ? PATH_HELP : "Path: " + StagePath.display(path));
    }

    @Override
    void save() {
        String typedName = name.getValue().strip();
        ServiceDraft draft = new ServiceDraft(team.getValue(), typedName.isEmpty() ? null : typedName,
                StagePath.parse(stages.getValue()));
        onSaved.accept(services.put(id.getValue().strip(), draft));
    }
}
