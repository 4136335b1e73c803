package dev.tollgate.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.ServiceDefinition;
import dev.tollgate.catalog.TeamCatalog;

import jakarta.annotation.security.PermitAll;

/** Every service a user may read, by team; a click opens the service with its charts. */
@Route("services")
@PageTitle("Services · Tollgate")
@PermitAll
class ServicesView extends VerticalLayout {

    ServicesView(ServiceCatalog services, TeamCatalog teams) {
        addClassName("services-view");
        setSizeFull();
        TeamChoices choices = TeamChoices.load(teams);
        ComboBox<String> teamFilter = choices.filter("team-filter", "Show the services of one team");
        RouterLink teamScorecard = new RouterLink();
        teamScorecard.setId("team-scorecard-link");
        teamScorecard.setVisible(false);
        add(new ViewToolbar("Services", "Open a service to see its errors, traffic and latency per stage, "
                + "with its deployments on the time axis.", teamScorecard, teamFilter));

        Grid<ServiceDefinition> grid = new Grid<>();
        grid.setId("services-list");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(ServiceDefinition::name).setHeader("Service").setAutoWidth(true);
        grid.addColumn(service -> service.team() == null ? "unowned" : choices.label(service.team()))
                .setHeader("Team").setAutoWidth(true);
        grid.addColumn(service -> StagePath.display(service.stages())).setHeader("Promotion path").setFlexGrow(1);
        grid.setItems(query -> services.list(teamFilter.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> services.count(teamFilter.getValue()));
        grid.setEmptyStateText("No services yet: they appear when an admin adds them or when metrics arrive for them.");
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(ServiceView.class,
                new RouteParameters("service", click.getItem().id()))));
        teamFilter.addValueChangeListener(e -> {
            grid.getDataProvider().refreshAll();
            // With one team shown, its scorecard is one click away.
            teamScorecard.setVisible(e.getValue() != null);
            if (e.getValue() != null) {
                teamScorecard.setText("Scorecard of " + choices.name(e.getValue()));
                teamScorecard.setRoute(TeamScorecardView.class, new RouteParameters("team", e.getValue()));
            }
        });
        addAndExpand(grid);
    }
}
