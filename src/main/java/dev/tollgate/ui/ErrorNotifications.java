package dev.tollgate.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import dev.tollgate.api.ConflictException;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.NotFoundException;

/**
 * The UI's one error handler. A refusal a view did not expect (someone else deleted the team a
 * moment ago, a right was taken away) is shown as what it is; anything else is logged, and the
 * user is told it was, without a stack trace.
 */
@Component
class ErrorNotifications implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorNotifications.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    private void handle(ErrorEvent event) {
        Throwable refusal = refusalIn(event.getThrowable());
        String message;
        if (refusal != null) {
            message = refusal.getMessage();
        } else {
            log.error("Unexpected error in the UI", event.getThrowable());
            message = "Something went wrong, and it was logged. Try again, or reload the page.";
        }
        if (UI.getCurrent() != null) {
            Notices.error(message);
        }
    }

    /** Vaadin may wrap what a listener threw; the refusal's own message is the one to show. */
    private static Throwable refusalIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException || t instanceof ConflictException || t instanceof NotFoundException
                    || t instanceof AccessDeniedException) {
                return t;
            }
        }
        return null;
    }
}
