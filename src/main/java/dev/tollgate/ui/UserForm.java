package dev.tollgate.ui;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import dev.tollgate.api.Identifier;
import dev.tollgate.security.Role;
import dev.tollgate.security.UserAccount;
import dev.tollgate.security.UserAccounts;

/** Creates a UI user with a first password, or changes a user's name, role and teams. */
final class UserForm extends FormDialog {

    private final UserAccounts users;
    private final UserAccount existing;
    private final Consumer<UserAccount> onSaved;
    private final TextField username = new TextField("Username");
    private final TextField displayName = new TextField("Display name");
    private final Select<Role> role = new Select<>();
    private final MultiSelectComboBox<String> teams = new MultiSelectComboBox<>("Teams led");
    private final PasswordField password = new PasswordField("Password");

    UserForm(UserAccounts users, TeamChoices teamChoices, UserAccount existing, Consumer<UserAccount> onSaved) {
        super(existing == null ? "New user" : "Edit user " + existing.username(), existing == null ? "Create" : "Save");
        this.users = users;
        this.existing = existing;
        this.onSaved = onSaved;

        username.setId("user-username");
        username.setMaxLength(Identifier.MAX_LENGTH);
        username.setHelperText("Signs in with it: " + Identifier.DESCRIPTION);
        username.setRequiredIndicatorVisible(true);
        username.setManualValidation(true);
        displayName.setId("user-display-name");
        displayName.setMaxLength(UserAccounts.MAX_DISPLAY_NAME_LENGTH);
        displayName.setRequiredIndicatorVisible(true);
        displayName.setManualValidation(true);
        role.setId("user-role");
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(UserForm::describe);
        role.setValue(Role.VIEWER);
        role.setManualValidation(true);
        role.addValueChangeListener(e -> teams.setVisible(e.getValue() == Role.TEAM_LEAD));
        teams.setId("user-teams");
        teams.setItems(teamChoices.ids());
        teams.setItemLabelGenerator(teamChoices::label);
        teams.setHelperText("A team lead acts for these teams");
        teams.setVisible(false);
        teams.setManualValidation(true);
        password.setId("user-password");
        password.setMaxLength(UserAccounts.MAX_PASSWORD_LENGTH);
        password.setHelperText("At least " + UserAccounts.MIN_PASSWORD_LENGTH + " characters");
        password.setRequiredIndicatorVisible(true);
        password.setManualValidation(true);
        form.add(username, displayName, role, teams);
        violations.on("username", username).on("displayName", displayName).on("role", role).on("teams", teams)
                .on("password", password);

        if (existing == null) {
            form.add(password);
            username.setAutofocus(true);
        } else {
            username.setValue(existing.username());
            username.setReadOnly(true);
            displayName.setValue(existing.displayName());
            role.setValue(existing.role());
            teams.setValue(existing.teams());
            displayName.setAutofocus(true);
        }
    }

    @Override
    void save() {
        // Only a team lead leads teams; the service drops them for other roles anyway.
        Set<String> led = role.getValue() == Role.TEAM_LEAD ? new TreeSet<>(teams.getValue()) : Set.of();
        onSaved.accept(existing == null
                ? users.create(username.getValue().strip(), displayName.getValue(), role.getValue(), led,
                        password.getValue())
                : users.update(existing.username(), displayName.getValue(), role.getValue(), led));
    }

    static String describe(Role role) {
        return switch (role) {
            case VIEWER -> "Viewer: reads every team's figures";
            case TEAM_LEAD -> "Team lead: reads everything, acts for the teams they lead";
            case PRINCIPAL -> "Principal: reads everything, records operational reviews of every team";
            case ADMIN -> "Admin: everything, including the catalog, tokens and users";
        };
    }
}
