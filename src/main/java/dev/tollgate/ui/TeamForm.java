package dev.tollgate.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import dev.tollgate.api.Identifier;
import dev.tollgate.catalog.Saved;
import dev.tollgate.catalog.Team;
import dev.tollgate.catalog.TeamCatalog;
import dev.tollgate.catalog.TeamDraft;

/** Creates a team, or changes the name and description of one; the id is fixed once chosen. */
final class TeamForm extends FormDialog {

    private final TeamCatalog teams;
    private final Consumer<Saved<Team>> onSaved;
    private final TextField id = new TextField("Id");
    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");

    TeamForm(TeamCatalog teams, Team existing, Consumer<Saved<Team>> onSaved) {
        super(existing == null ? "New team" : "Edit team " + existing.id(), existing == null ? "Create" : "Save");
        this.teams = teams;
        this.onSaved = onSaved;

        id.setId("team-id");
        id.setMaxLength(Identifier.MAX_LENGTH);
        id.setHelperText("Fixed once created. " + Identifier.DESCRIPTION);
        id.setRequiredIndicatorVisible(true);
        id.setManualValidation(true);
        name.setId("team-name");
        name.setMaxLength(Team.MAX_NAME_LENGTH);
        name.setRequiredIndicatorVisible(true);
        name.setManualValidation(true);
        description.setId("team-description");
        description.setMaxLength(Team.MAX_DESCRIPTION_LENGTH);
        description.setManualValidation(true);
        form.add(id, name, description);
        violations.on("team", id).on("name", name).on("description", description);

        if (existing == null) {
            id.setAutofocus(true);
        } else {
            id.setValue(existing.id());
            id.setReadOnly(true);
            name.setValue(existing.name());
            description.setValue(existing.description() == null ? "" : existing.description());
            name.setAutofocus(true);
        }
    }

    @Override
    void save() {
        onSaved.accept(teams.put(id.getValue().strip(), new TeamDraft(name.getValue(), description.getValue())));
    }
}
