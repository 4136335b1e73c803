package dev.tollgate.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** Asks before something that cannot be undone. */
final class Confirmation {

    private Confirmation() {
    }

    static void ask(String header, String text, String confirmText, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        Button confirm = new Button(confirmText, e -> {
            dialog.close();
            action.run();
        });
        confirm.setId("confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        dialog.setConfirmButton(confirm);
        dialog.open();
    }
}
