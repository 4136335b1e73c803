package dev.tollgate.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.tollgate.security.AuditEvent;
import dev.tollgate.security.AuditLog;
import dev.tollgate.security.AuditQuery;

import jakarta.annotation.security.RolesAllowed;

/** Who changed what, newest first. Read-only: the log is written only by the changes it records. */
@Route("admin/audit")
@PageTitle("Audit log · Tollgate")
@RolesAllowed("ADMIN")
class AuditLogView extends VerticalLayout {

    AuditLogView(AuditLog audit) {
        addClassName("admin-view");
        setSizeFull();
        add(new ViewToolbar("Audit log", "Every change to the catalog, tokens, users, rules and overrides: "
                + "who made it and when, newest first."));

        Grid<AuditEvent> grid = new Grid<>();
        grid.setId("audit-grid");
        // Details run long: they wrap rather than hide behind an ellipsis.
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(event -> BrowserTime.format(event.occurredAt(), "")).setHeader("Time").setAutoWidth(true)
                .setFlexGrow(0).setSortable(false);
        grid.addColumn(AuditEvent::actor).setHeader("Actor").setAutoWidth(true).setSortable(false);
        grid.addColumn(AuditEvent::action).setHeader("Action").setAutoWidth(true).setSortable(false);
        grid.addColumn(AuditLogView::target).setHeader("Target").setWidth("12rem").setSortable(false);
        grid.addColumn(event -> event.detail() == null ? "" : event.detail()).setHeader("Detail").setWidth("14rem")
                .setFlexGrow(3).setSortable(false);
        grid.setEmptyStateText("Nothing has changed yet.");
        grid.setItems(query -> audit.find(AuditQuery.ALL, query.getOffset(), query.getLimit()).stream(),
                query -> audit.count(AuditQuery.ALL));
        addAndExpand(grid);
    }

    private static String target(AuditEvent event) {
        if (event.targetType() == null) {
            return "";
        }
        return event.targetId() == null ? event.targetType() : event.targetType() + " " + event.targetId();
    }
}
