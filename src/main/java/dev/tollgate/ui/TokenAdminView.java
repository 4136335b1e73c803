package dev.tollgate.ui;

import java.time.Clock;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.tollgate.api.NotFoundException;
import dev.tollgate.catalog.TeamCatalog;
import dev.tollgate.security.ApiToken;
import dev.tollgate.security.ApiTokens;
import dev.tollgate.security.IssuedToken;
import dev.tollgate.security.Scope;

import jakarta.annotation.security.RolesAllowed;

/** The API tokens that are not revoked. Their secrets are never listed: only shown once, at creation. */
@Route("admin/tokens")
@PageTitle("API tokens · Tollgate")
@RolesAllowed("ADMIN")
class TokenAdminView extends VerticalLayout {

    /** How ApiTokens names the creator of the bootstrap token; it offers no public way to ask. */

    private final ApiTokens tokens;
    private final TeamCatalog teams;
    private final Clock clock;
    private final Grid<ApiToken> grid = new Grid<>();

    TokenAdminView(ApiTokens tokens, TeamCatalog teams, Clock clock) {
        this.tokens = tokens;
        this.teams = teams;
        this.clock = clock;
        addClassName("admin-view");
        setSizeFull();

        Button create = new Button("New token", VaadinIcon.PLUS.create(),
                e -> new TokenForm(tokens, TeamChoices.load(teams), clock, this::issued).open());
        create.setId("new-token");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        add(new ViewToolbar("API tokens", "Pipelines, agents and scripts call the API with these. "
                + "A revoked token stops working at once.", create));

        grid.setId("tokens-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(ApiToken::name).setHeader("Name").setAutoWidth(true).setSortable(false);
        grid.addColumn(token -> token.scopes().stream().sorted().map(Scope::wireName).collect(Collectors.joining(", ")))
                .setHeader("Scopes").setAutoWidth(true).setSortable(false);
        grid.addColumn(token -> token.team() == null ? "all teams" : token.team()).setHeader("Team")
                .setAutoWidth(true).setSortable(false);
        grid.addColumn(ApiToken::createdBy).setHeader("Created by").setAutoWidth(true).setSortable(false);
        grid.addColumn(token -> BrowserTime.format(token.createdAt(), "")).setHeader("Created").setAutoWidth(true)
                .setSortable(false);
        grid.addColumn(this::expiry).setHeader("Expires").setAutoWidth(true).setSortable(false);
        grid.addColumn(token -> BrowserTime.format(token.lastUsedAt(), "never")).setHeader("Last used")
                .setAutoWidth(true).setSortable(false);
        grid.addComponentColumn(token -> new GridActions()
                .add(VaadinIcon.BAN, "Revoke", token.name(), true, e -> confirmRevoke(token)))
                .setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setEmptyStateText("No tokens. Create one for each pipeline or agent that calls the API.");
        addAndExpand(grid);
        refresh();
    }

    private String expiry(ApiToken token) {
        if (token.expiresAt() == null) {
            return "never";
        }
        return BrowserTime.format(token.expiresAt(), "") + (token.isExpired(clock.instant()) ? " (expired)" : "");
    }

    /** The service lists every active token at once; there are few, one per pipeline or agent. */
    private void refresh() {
        grid.setItems(tokens.list());
        grid.recalculateColumnWidths();
    }

    private void issued(IssuedToken issued) {
        refresh();
        new TokenSecretDialog(issued).open();
    }

    private void confirmRevoke(ApiToken token) {
        String consequence = "Whatever uses it is refused from the next request on. This cannot be undone.";
        if (token.fromBootstrap()) {
            consequence += " This is the token of TOLLGATE_BOOTSTRAP_TOKEN: Tollgate will not start again until "
                    + "that variable is given a new value or removed.";
        }
        Confirmation.ask("Revoke token " + token.name() + "?", consequence, "Revoke token", () -> revoke(token));
    }

    private void revoke(ApiToken token) {
        try {
            tokens.revoke(token.id());
            Notices.success("Token " + token.name() + " revoked");
        } catch (NotFoundException refusal) {
            Notices.error("Token " + token.name() + " was revoked already");
        }
        refresh();
    }
}
