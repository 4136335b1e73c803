package dev.tollgate.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.tollgate.api.NotFoundException;
import dev.tollgate.catalog.Saved;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.ServiceDefinition;
import dev.tollgate.catalog.TeamCatalog;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;

import jakarta.annotation.security.RolesAllowed;

@Route("admin/services")
@PageTitle("Services · Admin · Tollgate")
@RolesAllowed("ADMIN")
class ServiceAdminView extends VerticalLayout {

    private final ServiceCatalog services;
    private final TeamCatalog teams;
    private final Caller caller;
    private final ComboBox<String> teamFilter;
    private final Grid<ServiceDefinition> grid = new Grid<>();
    private TeamChoices choices;

    ServiceAdminView(ServiceCatalog services, TeamCatalog teams, CurrentCaller callers) {
        this.services = services;
        this.teams = teams;
        this.caller = callers.get();
        this.choices = TeamChoices.load(teams);
        addClassName("admin-view");
        setSizeFull();

        teamFilter = choices.filter("team-filter", "Show the services of one team");
        teamFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button create = new Button("New service", VaadinIcon.PLUS.create(), e -> edit(null));
        create.setId("new-service");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setVisible(caller.has(Scope.ADMIN));
        add(new ViewToolbar("Services", "Each service belongs to a team and has a promotion path: "
                + "the stages a version passes through, in order.", teamFilter, create));

        grid.setId("services-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(ServiceDefinition::id).setHeader("Id").setAutoWidth(true).setFlexGrow(0).setSortable(false);
        grid.addColumn(ServiceDefinition::name).setHeader("Name").setAutoWidth(true).setFlexGrow(0).setSortable(false);
        grid.addColumn(service -> service.team() == null ? "unowned" : choices.label(service.team()))
                .setHeader("Team").setAutoWidth(true).setFlexGrow(0).setSortable(false);
        grid.addColumn(service -> StagePath.display(service.stages())).setHeader("Stages").setFlexGrow(2)
                .setSortable(false);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setEmptyStateText("No services yet.");
        grid.setItems(query -> services.list(teamFilter.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> services.count(teamFilter.getValue()));
        grid.addItemDoubleClickListener(e -> {
            if (mayChange(e.getItem())) {
                edit(e.getItem());
            }
        });
        addAndExpand(grid);
    }

    private GridActions actions(ServiceDefinition service) {
        GridActions actions = new GridActions();
        if (mayChange(service)) {
            actions.add(VaadinIcon.PENCIL, "Edit", service.id(), false, e -> edit(service))
                    .add(VaadinIcon.TRASH, "Delete", service.id(), true, e -> confirmDelete(service));
        }
        return actions;
    }

    private boolean mayChange(ServiceDefinition service) {
        return caller.has(Scope.ADMIN) && caller.mayActOn(service.team());
    }

    private void edit(ServiceDefinition service) {
        // Read the teams again: one may have been created since this view opened.
        choices = TeamChoices.load(teams);
        new ServiceForm(services, choices, service, this::saved).open();
    }

    private void saved(Saved<ServiceDefinition> saved) {
        Notices.success("Service " + saved.value().id() + (saved.created() ? " created" : " saved"));
        grid.getDataProvider().refreshAll();
    }

    private void confirmDelete(ServiceDefinition service) {
        Confirmation.ask("Delete service " + service.id() + "?",
                "The service and its promotion path are removed from the catalog.",
                "Delete service", () -> delete(service));
    }

    private void delete(ServiceDefinition service) {
        try {
            services.delete(service.id());
            Notices.success("Service " + service.id() + " deleted");
        } catch (NotFoundException refusal) {
            Notices.error(refusal.getMessage());
        }
        grid.getDataProvider().refreshAll();
    }
}
