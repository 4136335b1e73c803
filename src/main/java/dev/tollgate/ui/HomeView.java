package dev.tollgate.ui;

import java.time.Clock;
import java.util.List;

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
import dev.tollgate.scorecard.Scorecard;
import dev.tollgate.scorecard.ScorecardStatus;
import dev.tollgate.scorecard.Scorecards;

import jakarta.annotation.security.PermitAll;

/**
 * The landing page: what the catalog holds, and every team's key figures of the week as a heat
 * map that opens each team's scorecard. With an empty catalog it says what to do first, and
 * points admins at where the catalog is kept.
 */
@Route("")
@PageTitle("Overview · Tollgate")
@PermitAll
class HomeView extends VerticalLayout {

    HomeView(TeamCatalog teams, ServiceCatalog services, Scorecards scorecards, Clock clock,
            AuthenticationContext authentication) {
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

        if (teamCount > 0) {
            TeamChoices names = TeamChoices.load(teams);
            List<Scorecard> cards = scorecards.teams(OfferedPeriod.WEEK.length, clock.instant());
            Paragraph about = new Paragraph("Each team's key figures over the last 7 days, coloured by how they "
                    + "stand against their targets, with the change against the week before. Open a team for its "
                    + "whole scorecard.");
            about.setId("overview-about");
            about.addClassName("muted");
            add(about, new TeamHeatMap(cards, names::name, OfferedPeriod.WEEK), legend());
        }
        add(nextStep(admin, teamCount, serviceCount));
    }

    private static Div legend() {
        Div legend = new Div();
        legend.setId("overview-legend");
        legend.addClassName("status-legend");
        for (ScorecardStatus status : ScorecardStatus.values()) {
            Span badge = new Span(FigureText.statusLabel(status));
            badge.addClassNames("status", FigureText.statusClass(status));
            legend.add(badge);
        }
        return legend;
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
            text = "The figures fill in as pipelines send metrics and deployments, and ask the gate before each "
                    + "promotion.";
        }
        Paragraph step = new Paragraph(text);
        step.setId("overview-next-step");
        step.addClassName("muted");
        return step;
    }
}
