package dev.tollgate.ui;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.data.renderer.ComponentRenderer;

import dev.tollgate.api.NotFoundException;
import dev.tollgate.catalog.MetricCatalog;
import dev.tollgate.catalog.MetricDefinition;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.TeamCatalog;
import dev.tollgate.rules.RuleBacktests;
import dev.tollgate.rules.RuleKind;
import dev.tollgate.rules.Rules;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import jakarta.annotation.security.PermitAll;

/**
 * The rules the gate applies, as the signed-in user may read them, by team and service. Those who
 * may write rules create, change and delete them here; everyone else reads.
 */
@Route("rules")
@PageTitle("Rules · Tollgate")
@PermitAll
class RulesView extends VerticalLayout {

    private final Rules rules;
    private final RuleBacktests backtests;
    private final Clock clock;
    private final TeamCatalog teams;
    private final ServiceCatalog services;
    private final MetricCatalog metrics;
    private final Caller caller;
    private final ComboBox<String> teamFilter;
    private final ComboBox<String> serviceFilter = new ComboBox<>();
    private final Grid<ObjectNode> grid = new Grid<>();

    RulesView(Rules rules, RuleBacktests backtests, TeamCatalog teams, ServiceCatalog services, MetricCatalog metrics,
            CurrentCaller callers, Clock clock) {
        this.rules = rules;
        this.backtests = backtests;
        this.clock = clock;
        this.teams = teams;
        this.services = services;
        this.metrics = metrics;
        this.caller = callers.get();
        addClassName("rules-view");
        setSizeFull();

        teamFilter = TeamChoices.load(teams).filter("rule-team-filter", "Show the rules of one team");
        // A rule's scope is a team or a service, never both: narrowing by one lifts the other.
        teamFilter.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                serviceFilter.clear();
            }
            refresh();
        });
        serviceFilter.setId("rule-service-filter");
        serviceFilter.setPlaceholder("All services");
        serviceFilter.setAriaLabel("Show the rules of one service");
        serviceFilter.setClearButtonVisible(true);
        serviceFilter.setItems(ServiceChoices.load(services).ids());
        serviceFilter.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                teamFilter.clear();
            }
            refresh();
        });
        Button create = new Button("New rule", VaadinIcon.PLUS.create(), e -> edit(null));
        create.setId("new-rule");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setVisible(mayWrite());
        add(new ViewToolbar("Rules", "What the gate checks before a version is promoted: each rule gates every "
                + "service, a team's or one service's, into some stages or all. A dry run is shown, never decides.",
                teamFilter, serviceFilter, create));

        grid.setId("rules-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(rule -> rule.path("id").asString()).setHeader("Id").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(rule -> rule.path("name").asString()).setHeader("Name").setAutoWidth(true);
        grid.addColumn(rule -> rule.path("kind").asString()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(RulesView::scope).setHeader("Scope").setAutoWidth(true);
        grid.addColumn(RulesView::stages).setHeader("Stages").setAutoWidth(true);
        grid.addColumn(rule -> rule.path("mode").asString()).setHeader("Mode").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(rule -> rule.path("enabled").asBoolean() ? "yes" : "no").setHeader("Enabled")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(rule -> rule.path("version").asInt()).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        if (mayWrite()) {
            grid.addItemDoubleClickListener(e -> edit(e.getItem()));
        }
        // A click shows what the rule checks; everyone may read that, writers or not.
        grid.setItemDetailsRenderer(new ComponentRenderer<>(RulesView::details));
        grid.setEmptyStateText("No rules here. Without rules, the gate promotes every version, with a warning.");
        addAndExpand(grid);
        refresh();
    }

    /** Rule writers hold 'admin'; the service checks the rule's team on every write as well. */
    private boolean mayWrite() {
        return caller.has(Scope.ADMIN);
    }

    /** The service answers every rule at once; rules are few, a handful per service. */
    private void refresh() {
        grid.setItems(rules.list(teamFilter.getValue(), serviceFilter.getValue()));
    }

    /** Everyone who reads a rule may backtest it; only writers change it. */
    private GridActions actions(ObjectNode rule) {
        String id = rule.path("id").asString();
        GridActions actions = new GridActions().add(VaadinIcon.CHART, "Backtest", id, false, e -> backtest(rule));
        if (mayWrite()) {
            actions.add(VaadinIcon.PENCIL, "Edit", id, false, e -> edit(rule))
                    .add(VaadinIcon.TRASH, "Delete", id, true, e -> confirmDelete(id));
        }
        return actions;
    }

    /** The stored rule, as it is enforced now; tuning it is the editor's business. */
    private void backtest(ObjectNode stored) {
        ObjectNode body = stored.deepCopy();
        // A backtest takes a rule as PUT /rules/{rule} does: what the store added is no field of it.
        body.remove(List.of("id", "version", "updatedAt"));
        RuleBacktestPanel panel = new RuleBacktestPanel(backtests, ServiceChoices.load(services), clock);
        panel.setOpened(true);
        panel.bind(() -> body, new FormViolations());
        Dialog dialog = new Dialog(panel);
        dialog.setHeaderTitle("Backtest rule " + stored.path("id").asString());
        dialog.setWidth(RuleForm.WIDTH);
        Button close = new Button("Close", e -> dialog.close());
        close.setId("close-backtest");
        dialog.getFooter().add(close);
        dialog.open();
    }

    private void edit(ObjectNode rule) {
        // Read the catalog again: a team, service or metric may have been added since this view opened.
        List<String> metricIds = new ArrayList<>(metrics.list().stream().map(MetricDefinition::id).toList());
        ServiceChoices serviceChoices = ServiceChoices.load(services);
        new RuleForm(rules, TeamChoices.load(teams), serviceChoices.ids(), metricIds, rule,
                new RuleBacktestPanel(backtests, serviceChoices, clock), this::saved).open();
    }

    private void saved(Rules.Written written) {
        String id = written.rule().path("id").asString();
        Notices.success(written.created() ? "Rule " + id + " created"
                : written.changed() ? "Rule " + id + " saved as version " + written.rule().path("version").asInt()
                        : "Rule " + id + " unchanged");
        refresh();
    }

    private void confirmDelete(String id) {
        Confirmation.ask("Delete rule " + id + "?", "The gate stops applying it at once. Evaluations that used it "
                + "keep its results.", "Delete rule", () -> delete(id));
    }

    private void delete(String id) {
        try {
            rules.delete(id);
            Notices.success("Rule " + id + " deleted");
        } catch (NotFoundException refusal) {
            Notices.error(refusal.getMessage());
        }
        refresh();
    }

    private static Div details(ObjectNode rule) {
        Div details = new Div();
        details.addClassName("rule-details");
        details.add(new Span(RuleForm.describe(RuleKind.valueOf(rule.path("kind").asString()))));
        if (rule.hasNonNull("description")) {
            details.add(new Paragraph(rule.path("description").asString()));
        }
        for (String name : rule.path("params").propertyNames()) {
            JsonNode value = rule.path("params").path(name);
            Span label = new Span(name);
            label.addClassName("muted");
            details.add(new Div(label, new Span(value.isValueNode() ? RuleParamsForm.text(rule.path("params"), name)
                    : value.toString())));
        }
        details.add(new Div(new Span("When it fails: " + rule.path("onFail").asString() + "; with no data: "
                + rule.path("onNoData").asString())));
        return details;
    }

    static String scope(JsonNode rule) {
        JsonNode scope = rule.path("scope");
        if (scope.has("service")) {
            return "service " + scope.path("service").asString();
        }
        return scope.has("team") ? "team " + scope.path("team").asString() : "every service";
    }

    static String stages(JsonNode rule) {
        List<String> stages = rule.path("stages").values().stream().map(JsonNode::asString).toList();
        return stages.isEmpty() ? "every stage" : String.join(", ", stages);
    }
}
