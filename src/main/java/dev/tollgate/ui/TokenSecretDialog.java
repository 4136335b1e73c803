package dev.tollgate.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;

import dev.tollgate.security.IssuedToken;

/**
 * Shows a new token's secret, the one time it exists outside the caller's hands: Tollgate keeps
 * only its hash. Closing needs a deliberate click, so a stray one cannot lose the secret.
 */
final class TokenSecretDialog extends Dialog {

    TokenSecretDialog(IssuedToken issued) {
        setHeaderTitle("Token " + issued.name() + " created");
        setCloseOnOutsideClick(false);
        addClassName("token-secret-dialog");
        setWidth(FormDialog.WIDTH);

        Paragraph warning = new Paragraph("Copy this token now and keep it somewhere safe. "
                + "It will not be shown again: Tollgate stores only a hash of it.");
        warning.setId("token-secret-warning");
        TextField secret = new TextField("Token");
        secret.setId("token-secret");
        secret.setValue(issued.token());
        secret.setReadOnly(true);
        secret.setWidthFull();
        Span copied = new Span();
        copied.setId("token-copy-status");
        copied.addClassName("muted");
        Button copy = new Button("Copy", VaadinIcon.COPY_O.create());
        copy.setId("copy-token");
        // Runs in the browser, inside the click itself: the clipboard only opens to a user's gesture,
        // and plain http (not localhost) has no clipboard API, so selecting the text is the fallback.
        copy.getElement().executeJs("""
                const field = $1, status = $2;
                this.addEventListener('click', () => {
                  const select = () => { field.inputElement.focus(); field.inputElement.select(); };
                  const byHand = () => { select(); status.textContent = 'Selected: press Ctrl+C or ⌘C to copy.'; };
                  const copied = () => { status.textContent = 'Copied to the clipboard.'; };
                  if (navigator.clipboard && window.isSecureContext) {
                    navigator.clipboard.writeText($0).then(copied, byHand);
                  } else {
                    select();
                    try { document.execCommand('copy') ? copied() : byHand(); } catch (e) { byHand(); }
                  }
                });""", issued.token(), secret.getElement(), copied.getElement());
        Div copyRow = new Div(copy, copied);
        copyRow.addClassName("copy-row");
        add(warning, secret, copyRow);

        Button done = new Button("I have copied it", e -> close());
        done.setId("token-secret-done");
        done.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(done);
    }
}
