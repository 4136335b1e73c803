package dev.tollgate.ui;

import com.vaadin.flow.component.textfield.PasswordField;

import dev.tollgate.security.UserAccount;
import dev.tollgate.security.UserAccounts;

/** Sets a new password for a user, for instance one who forgot theirs. */
final class PasswordForm extends FormDialog {

    private final UserAccounts users;
    private final UserAccount user;
    private final PasswordField password = new PasswordField("New password");

    PasswordForm(UserAccounts users, UserAccount user) {
        super("Change the password of " + user.username(), "Change password");
        this.users = users;
        this.user = user;
        password.setId("new-password");
        password.setMaxLength(UserAccounts.MAX_PASSWORD_LENGTH);
        password.setHelperText("At least " + UserAccounts.MIN_PASSWORD_LENGTH + " characters");
        password.setRequiredIndicatorVisible(true);
        password.setManualValidation(true);
        password.setAutofocus(true);
        form.add(password);
        violations.on("password", password);
    }

    @Override
    void save() {
        users.changePassword(user.username(), password.getValue());
        Notices.success("Password of " + user.username() + " changed");
    }
}
