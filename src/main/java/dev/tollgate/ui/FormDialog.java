package dev.tollgate.ui;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;

import dev.tollgate.api.ConflictException;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.NotFoundException;

/**
 * A dialog with a form that a service either accepts or refuses. A refusal keeps the dialog
 * open with the reasons beside the fields, so nothing the user typed is lost.
 */
abstract class FormDialog extends Dialog {

    /** Wide enough for a helper text on one line, never wider than a phone's screen. */
    static final String WIDTH = "min(36rem, 100vw)";

    final FormLayout form = new FormLayout();
    final FormViolations violations = new FormViolations();
    private final Button save;

    FormDialog(String title, String saveText) {
        setHeaderTitle(title);
        addClassName("form-dialog");
        setWidth(WIDTH);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("cancel");
        save = new Button(saveText, e -> submit());
        save.setId("save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(cancel, save);
    }

    /** Calls the service; throws what it throws. The dialog closes when this returns. */
    abstract void save();

    private void submit() {
        violations.clear();
        try {
            save();
            close();
        } catch (InvalidInputException refusal) {
            violations.show(refusal);
        } catch (ConflictException | NotFoundException | AccessDeniedException refusal) {
            Notices.error(refusal.getMessage());
        }
    }
}
