package dev.tollgate.ui;

import java.util.Locale;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The buttons at the end of a grid row. Icons only, so each names its action and its row for screen readers. */
final class GridActions extends Div {

    GridActions() {
        addClassName("grid-actions");
    }

    GridActions add(VaadinIcon icon, String action, String subject, boolean danger,
            ComponentEventListener<ClickEvent<Button>> listener) {
        Button button = new Button(icon.create(), listener);
        button.addThemeVariants(ButtonVariant.TERTIARY);
        if (danger) {
            button.addThemeVariants(ButtonVariant.ERROR);
        }
        button.addClassName("action-" + action.toLowerCase(Locale.ROOT).replace(' ', '-'));
        button.setAriaLabel(action + " " + subject);
        button.setTooltipText(action);
        add(button);
        return this;
    }
}
