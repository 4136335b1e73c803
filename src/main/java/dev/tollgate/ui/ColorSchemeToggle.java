package dev.tollgate.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.server.VaadinSession;

/**
 * Switches Lumo between its light and dark schemes. The choice lasts for the session, and in
 * this browser beyond it; until someone chooses, the system's preference decides.
 */
final class ColorSchemeToggle extends Button {

    private static final String SESSION_KEY = ColorSchemeToggle.class.getName();
    private static final String STORAGE_KEY = "tollgate.colorScheme";

    private boolean dark;

    ColorSchemeToggle() {
        setId("dark-mode");
        addThemeVariants(ButtonVariant.TERTIARY);
        show(false);
        addClickListener(e -> choose(!dark));
        addAttachListener(e -> restore());
    }

    private void restore() {
        if (VaadinSession.getCurrent().getAttribute(SESSION_KEY) instanceof ColorScheme.Value chosen) {
            apply(chosen == ColorScheme.Value.DARK);
            return;
        }
        // Nothing chosen in this session: the browser may remember an earlier choice; if not, the
        // page goes on following the system, and the button only has to say which way it points.
        getElement().executeJs("return localStorage.getItem($0)"
                + " || (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'system-dark' : 'system-light');",
                STORAGE_KEY).then(String.class, answer -> {
                    if (answer.startsWith("system-")) {
                        show(answer.equals("system-dark"));
                    } else {
                        apply(answer.equals("dark"));
                    }
                });
    }

    private void choose(boolean toDark) {
        ColorScheme.Value scheme = toDark ? ColorScheme.Value.DARK : ColorScheme.Value.LIGHT;
        VaadinSession.getCurrent().setAttribute(SESSION_KEY, scheme);
        getElement().executeJs("localStorage.setItem($0, $1)", STORAGE_KEY, toDark ? "dark" : "light");
        apply(toDark);
    }

    private void apply(boolean toDark) {
        getUI().ifPresent(ui -> ui.getPage().setColorScheme(toDark ? ColorScheme.Value.DARK : ColorScheme.Value.LIGHT));
        show(toDark);
    }

    private void show(boolean isDark) {
        dark = isDark;
        setIcon(isDark ? VaadinIcon.SUN_O.create() : VaadinIcon.MOON_O.create());
        setAriaLabel(isDark ? "Switch to light mode" : "Switch to dark mode");
        setTooltipText(isDark ? "Light mode" : "Dark mode");
    }
}
