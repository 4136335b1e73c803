package dev.tollgate.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** Short messages at the edge of the screen: that something worked, or why it did not. */
final class Notices {

    private static final int SUCCESS_MILLIS = 3_000;
    /** Refusals stay longer and can be closed: the user has to read why, and may not be looking. */
    private static final int ERROR_MILLIS = 10_000;

    private Notices() {
    }

    static void success(String text) {
        Notification notification = Notification.show(text, SUCCESS_MILLIS, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.SUCCESS);
    }

    static void error(String text) {
        Notification notification = new Notification();
        notification.addThemeVariants(NotificationVariant.ERROR);
        notification.setDuration(ERROR_MILLIS);
        notification.setPosition(Notification.Position.MIDDLE);
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> notification.close());
        close.addThemeVariants(ButtonVariant.TERTIARY);
        close.setAriaLabel("Close");
        Span message = new Span(text);
        message.addClassName("notice-text");
        HorizontalLayout content = new HorizontalLayout(message, close);
        content.setAlignItems(FlexComponent.Alignment.CENTER);
        notification.add(content);
        notification.open();
    }
}
