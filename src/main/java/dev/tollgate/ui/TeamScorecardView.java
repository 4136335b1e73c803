package dev.tollgate.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import dev.tollgate.api.NotFoundException;
import dev.tollgate.catalog.Aggregation;
import dev.tollgate.catalog.MetricCatalog;
import dev.tollgate.catalog.MetricCategory;
import dev.tollgate.catalog.MetricDefinition;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.ServiceDefinition;
import dev.tollgate.catalog.Team;
import dev.tollgate.catalog.TeamCatalog;
import dev.tollgate.gate.GateTally;
import dev.tollgate.goals.InputGoals;
import dev.tollgate.ingest.TeamFigures;
import dev.tollgate.scorecard.Scorecard;
import dev.tollgate.scorecard.ScorecardItem;
import dev.tollgate.scorecard.Scorecards;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;

import jakarta.annotation.security.PermitAll;

/**
 * A team's scorecard over a period picked from the toolbar (and kept in the URL): its DORA
 * figures, the four quadrants as cards with sparklines, changes and targets, its input goals as
 * progress bars, its services with the gate's latest verdicts, and how often the gate promoted,
 * held or stopped them. Whoever may write the team's figures ('ingest' for the team: its leads
 * and admins) edits its input goals and records its enablement figures here.
 */
@Route("teams/:team")
@PermitAll
class TeamScorecardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** A team owns a handful of services; more than this are listed on the services page. */
    private static final int SERVICES_SHOWN = 50;

    private final Scorecards scorecards;
    private final TeamCatalog teams;
    private final ServiceCatalog services;
    private final StageStatuses stageStatuses;
    private final InputGoals goals;
    private final TeamFigures figures;
    private final MetricCatalog metrics;
    private final Clock clock;
    private final Caller caller;
    private final Select<OfferedPeriod> period = new Select<>();
    private Team team;

    TeamScorecardView(Scorecards scorecards, TeamCatalog teams, ServiceCatalog services, StageStatuses stageStatuses,
            InputGoals goals, TeamFigures figures, MetricCatalog metrics, Clock clock, CurrentCaller callers) {
        this.scorecards = scorecards;
        this.teams = teams;
        this.services = services;
        this.stageStatuses = stageStatuses;
        this.goals = goals;
        this.figures = figures;
        this.metrics = metrics;
        this.clock = clock;
        this.caller = callers.get();
        addClassName("team-scorecard-view");
        period.setId("period");
        period.setAriaLabel("Period");
        period.setItems(OfferedPeriod.values());
        period.setItemLabelGenerator(p -> "Last " + p.label);
        period.setValue(OfferedPeriod.DEFAULT);
        // The URL holds the period, so that a scorecard can be linked as seen: a pick navigates.
        period.addValueChangeListener(e -> {
            if (e.isFromClient() && team != null) {
                getUI().ifPresent(ui -> ui.navigate(TeamScorecardView.class, new RouteParameters("team", team.id()),
                        QueryParameters.of(OfferedPeriod.PARAMETER, e.getValue().parameter())));
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("team").orElse("");
        try {
            team = teams.get(id);
        } catch (NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, e.getMessage());
            return;
        }
        period.setValue(event.getLocation().getQueryParameters().getSingleParameter(OfferedPeriod.PARAMETER)
                .flatMap(OfferedPeriod::fromParameter).orElse(OfferedPeriod.DEFAULT));
        render();
    }

    @Override
    public String getPageTitle() {
        return (team == null ? "Team" : team.name()) + " · Tollgate";
    }

    private boolean editable() {
        return caller.has(Scope.INGEST) && caller.mayActOn(team.id());
    }

    private void render() {
        removeAll();
        Scorecard card = scorecards.team(team.id(), period.getValue().length, clock.instant());
        add(new ViewToolbar(team.name(), team.description(), period));
        Span window = new Span("From " + BrowserTime.format(card.from(), "") + " to " + BrowserTime.format(card.to(), ""));
        window.setId("scorecard-window");
        window.addClassName("muted");
        add(window);

        Div dora = card("card-dora", "Delivery (DORA)", null);
        dora.addClassName("scorecard-card-wide");
        Div doraTiles = new Div();
        doraTiles.addClassName("figure-tiles");
        if (card.dora() != null) {
            card.dora().items().forEach(item -> doraTiles.add(new FigureTile("dora-" + tileId(item), item)));
            Span counts = new Span(card.dora().deployments() + " production deployments, " + card.dora().failures()
                    + " failed, " + card.dora().unrestoredFailures() + " not restored yet");
            counts.setId("dora-counts");
            counts.addClassName("muted");
            dora.add(doraTiles, counts);
        } else {
            dora.add(empty("No deployments reported for this team's services yet."));
        }

        Div quadrants = new Div(dora,
                quadrant("card-business", "Business", card.business(),
                        "No business figures yet: they appear when metrics of the business category arrive for this team.",
                        null),
                quadrant("card-operational", "Operational", card.operational(),
                        "No operational figures yet: they appear when the team's services send requests, errors and latency.",
                        null),
                goalsCard(card.inputGoals()),
                quadrant("card-enablement", "Enablement", card.enablement(),
                        "No enablement figures yet: principal reviews, security and operations training.",
                        editable() ? button("record-enablement", "Record figure", VaadinIcon.PLUS,
                                () -> new EnablementForm(figures, team.id(), recordable(), this::saved).open()) : null),
                servicesCard(),
                gatesCard(card.gates()));
        quadrants.addClassName("scorecard-cards");
        add(quadrants);
    }

    private void saved() {
        Notices.success("Saved");
        render();
    }

    /** Figures a person states (a share as it stands), not counts of events, which their sources report. */
    private List<MetricDefinition> recordable() {
        return metrics.list().stream().filter(definition -> definition.category() == MetricCategory.ENABLEMENT
                && definition.aggregation() == Aggregation.LAST).toList();
    }

    private Div quadrant(String id, String title, List<ScorecardItem> items, String emptyText, Component action) {
        Div quadrant = card(id, title, action);
        if (items.isEmpty()) {
            quadrant.add(empty(emptyText));
        } else {
            Div tiles = new Div();
            tiles.addClassName("figure-list");
            items.forEach(item -> tiles.add(new FigureTile("item-" + tileId(item), item)));
            quadrant.add(tiles);
        }
        return quadrant;
    }

    private Div goalsCard(List<ScorecardItem> items) {
        boolean editable = editable();
        Div card = card("card-goals", "Input goals", editable
                ? button("new-goal", "Add goal", VaadinIcon.PLUS,
                        () -> new GoalForm(goals, team.id(), null, this::saved).open())
                : null);
        if (items.isEmpty()) {
            card.add(empty("No input goals yet: what the team means to achieve, each with a target and a due day."));
            return card;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Div list = new Div();
        list.addClassName("goal-list");
        for (ScorecardItem item : items) {
            Component edit = null;
            if (editable) {
                Button button = new Button(VaadinIcon.EDIT.create(),
                        e -> new GoalForm(goals, team.id(), goals.get(team.id(), item.goal()), this::saved).open());
                button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
                button.setAriaLabel("Edit goal " + item.goal());
                button.addClassName("edit-goal");
                edit = button;
            }
            list.add(new GoalProgress(item, today, edit));
        }
        card.add(list);
        return card;
    }

    private Div servicesCard() {
        Div card = card("card-services", "Services", null);
        List<ServiceDefinition> owned = services.list(team.id(), 0, SERVICES_SHOWN);
        if (owned.isEmpty()) {
            card.add(empty("The team owns no service yet."));
            return card;
        }
        Div list = new Div();
        list.addClassName("team-services");
        for (ServiceDefinition service : owned) {
            RouterLink link = new RouterLink(service.name(), ServiceView.class, new RouteParameters("service", service.id()));
            link.addClassName("team-service-name");
            Div stages = new Div();
            stages.addClassName("team-service-stages");
            for (StageStatus stage : stageStatuses.of(service)) {
                Span name = new Span(stage.stage());
                name.addClassName("muted");
                Span verdict = stage.gate() == null ? new Span("—")
                        : GateEvaluationDetail.verdict(stage.gate().verdict());
                if (stage.gate() == null) {
                    verdict.setTitle("The gate was never asked about this stage");
                }
                Span pair = new Span(name, verdict);
                pair.addClassName("team-service-stage");
                stages.add(pair);
            }
            Div row = new Div(link, stages);
            row.setId("team-service-" + service.id());
            row.addClassName("team-service");
            list.add(row);
        }
        card.add(list);
        return card;
    }

    private Div gatesCard(GateTally gates) {
        Div card = card("card-gates", "Gate", null);
        if (gates == null || gates.evaluations() == 0) {
            card.add(empty("The gate was not asked about this team's promotions in this period."));
            return card;
        }
        Div tally = new Div(count("gate-evaluations", gates.evaluations(), "evaluations"),
                count("gate-promoted", gates.promoted(), "promoted"), count("gate-waited", gates.waited(), "waited"),
                count("gate-stopped", gates.stopped(), "stopped"),
                count("gate-rolled-back", gates.rolledBack(), "rolled back"),
                count("gate-overridden", gates.overridden(), "overridden"));
        tally.addClassName("gate-tally");
        card.add(tally);
        return card;
    }

    private static Div count(String id, int count, String label) {
        Span number = new Span(Integer.toString(count));
        number.addClassName("gate-tally-number");
        Span text = new Span(label);
        text.addClassName("muted");
        Div figure = new Div(number, text);
        figure.setId(id);
        figure.addClassName("gate-tally-figure");
        return figure;
    }

    private static Div card(String id, String title, Component action) {
        Div head = new Div(new H3(title));
        head.addClassName("scorecard-card-head");
        if (action != null) {
            head.add(action);
        }
        Div card = new Div(head);
        card.setId(id);
        card.addClassName("scorecard-card");
        return card;
    }

    private static Button button(String id, String text, VaadinIcon icon, Runnable action) {
        Button button = new Button(text, icon.create(), e -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.SMALL);
        return button;
    }

    private static Paragraph empty(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.addClassNames("scorecard-empty", "muted");
        return paragraph;
    }

    /** Metric keys may hold dots and colons, which a CSS selector of an id would have to escape. */
    static String tileId(ScorecardItem item) {
        return item.key() == null ? "unknown" : item.key().replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
