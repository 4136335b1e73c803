package dev.tollgate.ui;

import java.util.TreeSet;

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
import dev.tollgate.catalog.TeamCatalog;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.UserAccount;
import dev.tollgate.security.UserAccounts;

import jakarta.annotation.security.RolesAllowed;

@Route("admin/users")
@PageTitle("Users · Tollgate")
@RolesAllowed("ADMIN")
class UserAdminView extends VerticalLayout {

    private final UserAccounts users;
    private final TeamCatalog teams;
    private final String self;
    private final Grid<UserAccount> grid = new Grid<>();

    UserAdminView(UserAccounts users, TeamCatalog teams, CurrentCaller callers) {
        this.users = users;
        this.teams = teams;
        this.self = callers.get().actor();
        addClassName("admin-view");
        setSizeFull();

        Button create = new Button("New user", VaadinIcon.PLUS.create(), e -> edit(null));
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        add(new ViewToolbar("Users", "People who sign in to this UI. Viewers read, team leads act for "
                + "their teams, principals run the operational review, admins keep the catalog, tokens and users.", create));

        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(UserAccount::username).setHeader("Username").setAutoWidth(true).setSortable(false);
        grid.addColumn(UserAccount::displayName).setHeader("Display name").setAutoWidth(true).setSortable(false);
        grid.addColumn(user -> switch (user.role()) {
            case VIEWER -> "Viewer";
            case TEAM_LEAD -> "Team lead";
            case PRINCIPAL -> "Principal";
            case ADMIN -> "Admin";
        }).setHeader("Role").setAutoWidth(true).setSortable(false);
        grid.addColumn(user -> String.join(", ", new TreeSet<>(user.teams()))).setHeader("Teams led")
                .setFlexGrow(2).setSortable(false);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setItems(query -> users.list(query.getOffset(), query.getLimit()).stream(), query -> users.count());
        grid.addItemDoubleClickListener(e -> edit(e.getItem()));
        addAndExpand(grid);
    }

    private GridActions actions(UserAccount user) {
        GridActions actions = new GridActions()
                .add(VaadinIcon.PENCIL, "Edit", user.username(), false, e -> edit(user))
                .add(VaadinIcon.KEY, "Change password", user.username(), false,
                        e -> new PasswordForm(users, user).open());
        // The service refuses this too; the button is not offered for oneself.
        if (!self.equals("user:" + user.username())) {
            actions.add(VaadinIcon.TRASH, "Delete", user.username(), true, e -> confirmDelete(user));
        }
        return actions;
    }

    private void edit(UserAccount user) {
        new UserForm(users, TeamChoices.load(teams), user, saved -> {
            Notices.success("User " + saved.username() + (user == null ? " created" : " saved"));
            grid.getDataProvider().refreshAll();
        }).open();
    }

    private void confirmDelete(UserAccount user) {
        Confirmation.ask("Delete user " + user.username() + "?",
                user.displayName() + " can no longer sign in. What they did stays in the audit log.",
                "Delete user", () -> delete(user));
    }

    private void delete(UserAccount user) {
        try {
            users.delete(user.username());
            Notices.success("User " + user.username() + " deleted");
        } catch (ConflictException | NotFoundException refusal) {
            Notices.error(refusal.getMessage());
        }
        grid.getDataProvider().refreshAll();
    }
}
