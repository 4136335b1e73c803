package dev.tollgate.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.tollgate.api.ConflictException;
import dev.tollgate.api.NotFoundException;
import dev.tollgate.catalog.Saved;
import dev.tollgate.catalog.Team;
import dev.tollgate.catalog.TeamCatalog;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;

import jakarta.annotation.security.RolesAllowed;

@Route("admin/teams")
@PageTitle("Teams · Tollgate")
@RolesAllowed("ADMIN")
class TeamAdminView extends VerticalLayout {

    private final TeamCatalog teams;
    private final Caller caller;
    private final Grid<Team> grid = new Grid<>();

    TeamAdminView(TeamCatalog teams, CurrentCaller callers) {
        this.teams = teams;
        this.caller = callers.get();
        addClassName("admin-view");
        setSizeFull();

        Button create = new Button("New team", VaadinIcon.PLUS.create(), e -> edit(null));
        create.setId("new-team");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setVisible(caller.has(Scope.ADMIN) && caller.actsOnAllTeams());
        add(new ViewToolbar("Teams", "Teams own services and have a scorecard. A team that owns services "
                + "cannot be deleted until they are moved or deleted.", create));

        grid.setId("teams-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(Team::id).setHeader("Id").setAutoWidth(true).setFlexGrow(0).setSortable(false);
        grid.addColumn(Team::name).setHeader("Name").setAutoWidth(true).setFlexGrow(0).setSortable(false);
        grid.addColumn(team -> team.description() == null ? "" : team.description()).setHeader("Description")
                .setFlexGrow(2).setSortable(false).setTooltipGenerator(Team::description);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setEmptyStateText("No teams yet.");
        grid.setItems(query -> teams.list(query.getOffset(), query.getLimit()).stream(), query -> teams.count());
        grid.addItemDoubleClickListener(e -> {
            if (mayChange(e.getItem())) {
                edit(e.getItem());
            }
        });
        addAndExpand(grid);
    }

    private GridActions actions(Team team) {
        GridActions actions = new GridActions();
        if (mayChange(team)) {
            actions.add(VaadinIcon.PENCIL, "Edit", team.id(), false, e -> edit(team))
                    .add(VaadinIcon.TRASH, "Delete", team.id(), true, e -> confirmDelete(team));
        }
        return actions;
    }

    private boolean mayChange(Team team) {
        return caller.has(Scope.ADMIN) && caller.mayActOn(team.id());
    }

    private void edit(Team team) {
        new TeamForm(teams, team, this::saved).open();
    }

    private void saved(Saved<Team> saved) {
        Notices.success("Team " + saved.value().id() + (saved.created() ? " created" : " saved"));
        grid.getDataProvider().refreshAll();
    }

    private void confirmDelete(Team team) {
        Confirmation.ask("Delete team " + team.id() + "?",
                "API tokens bound to " + team.name() + " are deleted with it, and its team leads no longer lead it. "
                        + "A team that still owns services cannot be deleted.",
                "Delete team", () -> delete(team));
    }

    private void delete(Team team) {
        try {
            teams.delete(team.id());
            Notices.success("Team " + team.id() + " deleted");
        } catch (ConflictException | NotFoundException refusal) {
            Notices.error(refusal.getMessage());
        }
        grid.getDataProvider().refreshAll();
    }
}
