package dev.tollgate.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;

import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.TeamCatalog;

import jakarta.annotation.security.PermitAll;

/**
 * The landing page. Until scorecards exist it says what the catalog holds and what will appear
 * here, and points admins at where the catalog is kept.
 */
@Route("")
@PageTitle("Overview · Tollgate")
@PermitAll
class HomeView extends VerticalLayout {

    HomeView(TeamCatalog teams, ServiceCatalog services, AuthenticationContext authentication) {
        boolean admin = authentication.hasRole("ADMIN");
        int teamCount = teams.count();
        int serviceCount = services.count(null);

        add(new ViewToolbar("Overview", "Scorecards for two-pizza teams, and a promotion gate for their pipelines."));

        Div figures = new Div(
                figure("overview-teams", teamCount, teamCount == 1 ? "team" : "teams",
                        admin ? new RouterLink("Manage teams", TeamAdminView.class) : null),
                figure("overview-services", serviceCount, serviceCount == 1 ? "service" : "services",
                        admin ? new RouterLink("Manage services", ServiceAdminView.class) : null));
        figures.addClassName("figures");
        add(figures);

        Paragraph coming = new Paragraph("Each team's scorecard will appear here: its business, operational, "
                + "input-goal and enablement figures against their targets and the period before, its DORA "
                + "figures, and how often the gate promoted, held or stopped its services.");
        coming.setId("overview-coming");
        add(coming);
        add(nextStep(admin, teamCount, serviceCount));
    }

    private static Div figure(String id, int count, String noun, RouterLink link) {
        Span number = new Span(Integer.toString(count));
        number.addClassName("figure-number");
        Div figure = new Div(number, new Span(noun));
        figure.setId(id);
        figure.addClassName("figure");
        if (link != null) {
            figure.add(link);
        }
        return figure;
    }

    private static Component nextStep(boolean admin, int teamCount, int serviceCount) {
        String text;
        if (teamCount == 0 && admin) {
            text = "Start by creating a team, then its services with their stage paths; or apply a catalog "
                    + "document with PUT /api/v1/config to keep the catalog as code.";
        } else if (serviceCount == 0 && admin) {
            text = "Next, add the services these teams own, each with its promotion path, "
                    + "such as beta → gamma → prod.";
        } else if (teamCount == 0) {
            text = "The catalog is empty: an admin adds the teams and their services.";
        } else {
            text = "Pipelines can now send metrics and deployments, and ask the gate before each promotion.";
        }
        Paragraph step = new Paragraph(text);
        step.setId("overview-next-step");
        step.addClassName("muted");
        return step;
    }
}
