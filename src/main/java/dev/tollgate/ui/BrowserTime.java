package dev.tollgate.ui;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;

/** Times as the person at the browser reads them: in their time zone, to the second. */
final class BrowserTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private BrowserTime() {
    }

    /** The browser's zone; UTC until the browser has said, or when it names none Java knows. */
    static ZoneId zone() {
        UI ui = UI.getCurrent();
        ExtendedClientDetails details = ui == null ? null : ui.getPage().getExtendedClientDetails();
        if (details == null || details.getTimeZoneId() == null || details.getTimeZoneId().isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(details.getTimeZoneId());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    static String format(Instant instant, String whenAbsent) {
        return instant == null ? whenAbsent : FORMAT.format(instant.atZone(zone()));
    }
}
