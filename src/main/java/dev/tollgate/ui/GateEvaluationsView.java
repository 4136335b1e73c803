package dev.tollgate.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.NotFoundException;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.gate.GateEvaluation;
import dev.tollgate.gate.GateEvaluations;
import dev.tollgate.gate.GateOverride;
import dev.tollgate.gate.OverrideRequest;
import dev.tollgate.gate.Overrides;
import dev.tollgate.rules.RuleStatus;
import dev.tollgate.rules.Verdict;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;

import jakarta.annotation.security.PermitAll;

/**
 * Every promotion the gate was asked about, newest first, narrowed by service, stage, verdict and
 * time; the one selected in full beside them. Those who may override a service's verdicts do so
 * here, and see and revoke the overrides in force.
 */
@Route("gate")
@PageTitle("Gate evaluations · Tollgate")
@PermitAll
class GateEvaluationsView extends VerticalLayout {

    /** The newest this many match; narrowing the filters reaches further back. */
    static final int SHOWN = 200;

    private final GateEvaluations evaluations;
    private final Overrides overrides;
    private final ServiceCatalog services;
    private final Clock clock;
    private final Caller caller;
    private final ZoneId zone = BrowserTime.zone();
    private final ComboBox<String> serviceFilter = new ComboBox<>();
    private final ComboBox<String> stageFilter = new ComboBox<>();
    private final Select<Verdict.Decision> verdictFilter = new Select<>();
    private final DateTimePicker fromFilter = new DateTimePicker();
    private final DateTimePicker toFilter = new DateTimePicker();
    private final FormViolations filterViolations = new FormViolations();
    private final Grid<GateEvaluation> grid = new Grid<>();
    private final Div detail = new Div();
    private final Grid<GateOverride> inForce = new Grid<>();
    private ServiceChoices choices;

    GateEvaluationsView(GateEvaluations evaluations, Overrides overrides, ServiceCatalog services, Clock clock,
            CurrentCaller callers) {
        this.evaluations = evaluations;
        this.overrides = overrides;
        this.services = services;
        this.clock = clock;
        this.caller = callers.get();
        this.choices = ServiceChoices.load(services);
        addClassName("gate-view");

        Button create = new Button("New override", VaadinIcon.UNLOCK.create(),
                e -> override(new OverrideRequest(serviceFilter.getValue(), stageFilter.getValue(), null, null, null)));
        create.setId("new-override");
        create.setVisible(caller.has(Scope.OVERRIDE));
        add(new ViewToolbar("Gate evaluations", "Every promotion the gate was asked about, newest first: the "
                + "verdict, each rule's part in it, and any override. Select one to see it in full.", create));
        add(filters());

        grid.setId("evaluations-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(evaluation -> BrowserTime.format(evaluation.evaluatedAt(), "")).setHeader("Asked")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(GateEvaluation::service).setHeader("Service").setAutoWidth(true);
        grid.addColumn(GateEvaluation::version).setHeader("Version").setAutoWidth(true);
        grid.addColumn(evaluation -> evaluation.sourceStage() == null ? evaluation.stage()
                : evaluation.sourceStage() + " → " + evaluation.stage()).setHeader("Promotion").setAutoWidth(true);
        grid.addComponentColumn(evaluation -> GateEvaluationDetail.verdict(evaluation.verdict())).setHeader("Verdict")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(GateEvaluationsView::why).setHeader("Why").setFlexGrow(2);
        grid.setEmptyStateText("No evaluations match. Pipelines ask the gate with POST /api/v1/gate-evaluations.");
        grid.addSelectionListener(e -> show(e.getFirstSelectedItem().orElse(null)));
        grid.setHeight("28rem");
        detail.addClassName("evaluation-panel");
        Div evaluationsAndDetail = new Div(grid, detail);
        evaluationsAndDetail.addClassName("master-detail");
        add(evaluationsAndDetail);

        inForce.setId("overrides-grid");
        inForce.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        inForce.addColumn(GateOverride::service).setHeader("Service").setAutoWidth(true);
        inForce.addColumn(GateOverride::stage).setHeader("Stage").setAutoWidth(true);
        inForce.addColumn(o -> o.version() == null ? "any version" : o.version()).setHeader("Version").setAutoWidth(true);
        inForce.addColumn(GateOverride::reason).setHeader("Reason").setFlexGrow(2);
        inForce.addColumn(GateOverride::createdBy).setHeader("By").setAutoWidth(true);
        inForce.addColumn(o -> BrowserTime.format(o.expiresAt(), "")).setHeader("Until").setAutoWidth(true);
        inForce.addComponentColumn(this::overrideActions).setAutoWidth(true).setFlexGrow(0);
        inForce.setAllRowsVisible(true);
        inForce.setEmptyStateText("No override in force: every verdict is the rules' own.");
        Paragraph purpose = new Paragraph("While one holds, promotions it covers are answered PROMOTE, showing what "
                + "the rules said.");
        purpose.addClassName("muted");
        add(new H3("Overrides in force"), purpose, inForce);

        refresh();
        refreshOverrides();
        show(null);
    }

    private Div filters() {
        serviceFilter.setId("evaluation-service-filter");
        serviceFilter.setPlaceholder("All services");
        serviceFilter.setAriaLabel("Service");
        serviceFilter.setClearButtonVisible(true);
        serviceFilter.setItems(choices.ids());
        serviceFilter.addValueChangeListener(e -> {
            stageFilter.setItems(e.getValue() == null ? choices.allStages() : choices.stagesOf(e.getValue()));
            refresh();
        });
        stageFilter.setId("evaluation-stage-filter");
        stageFilter.setPlaceholder("All stages");
        stageFilter.setAriaLabel("Target stage");
        stageFilter.setClearButtonVisible(true);
        stageFilter.setItems(choices.allStages());
        stageFilter.addValueChangeListener(e -> refresh());
        verdictFilter.setId("evaluation-verdict-filter");
        verdictFilter.setAriaLabel("Verdict");
        verdictFilter.setItems(Verdict.Decision.values());
        verdictFilter.setEmptySelectionAllowed(true);
        verdictFilter.setEmptySelectionCaption("Any verdict");
        verdictFilter.addValueChangeListener(e -> refresh());
        fromFilter.setId("evaluation-from-filter");
        fromFilter.setAriaLabel("Asked from");
        fromFilter.setDatePlaceholder("From");
        fromFilter.addValueChangeListener(e -> refresh());
        toFilter.setId("evaluation-to-filter");
        toFilter.setAriaLabel("Asked before");
        toFilter.setDatePlaceholder("Until");
        toFilter.addValueChangeListener(e -> refresh());
        filterViolations.on("service", serviceFilter).on("stage", stageFilter).on("verdict", verdictFilter)
                .on("from", fromFilter).on("to", toFilter);
        Div filters = new Div(serviceFilter, stageFilter, verdictFilter, fromFilter, toFilter);
        filters.addClassName("filters");
        return filters;
    }

    private void refresh() {
        filterViolations.clear();
        try {
            grid.setItems(evaluations.list(serviceFilter.getValue(), stageFilter.getValue(),
                    verdictFilter.getValue() == null ? null : verdictFilter.getValue().name(),
                    fromFilter.getValue() == null ? null : fromFilter.getValue().atZone(zone).toInstant().toString(),
                    toFilter.getValue() == null ? null : toFilter.getValue().atZone(zone).toInstant().toString(),
                    SHOWN));
        } catch (InvalidInputException refusal) {
            filterViolations.show(refusal);
            grid.setItems(List.of());
        }
    }

    private void show(GateEvaluation evaluation) {
        detail.removeAll();
        if (evaluation == null) {
            Paragraph hint = new Paragraph("Select an evaluation to see each rule's result.");
            hint.addClassName("muted");
            detail.add(hint);
            return;
        }
        if (mayOverride(evaluation.service()) && evaluation.verdict() != Verdict.Decision.PROMOTE) {
            Button override = new Button("Override", VaadinIcon.UNLOCK.create(), e -> override(new OverrideRequest(
                    evaluation.service(), evaluation.stage(), evaluation.version(), null, null)));
            override.setId("override-evaluation");
            override.addThemeVariants(ButtonVariant.ERROR);
            detail.add(new GateEvaluationDetail(evaluation, override));
        } else {
            detail.add(new GateEvaluationDetail(evaluation));
        }
    }

    /** A one-line reason: what stopped or held it, or how many rules passed. */
    static String why(GateEvaluation evaluation) {
        if (evaluation.override() != null) {
            return "Overridden (the rules said " + evaluation.override().overriddenVerdict() + "): "
                    + evaluation.override().reason();
        }
        List<String> against = evaluation.results().stream()
                .filter(outcome -> !outcome.dryRun() && outcome.status() != RuleStatus.PASS)
                .map(outcome -> outcome.name() + " " + outcome.status()).toList();
        if (!against.isEmpty()) {
            return String.join(", ", against);
        }
        if (evaluation.results().isEmpty()) {
            return String.join(" ", evaluation.warnings());
        }
        return evaluation.results().size() == 1 ? "Its rule passed" : "All " + evaluation.results().size()
                + " rules passed";
    }

    private boolean mayOverride(String service) {
        return caller.has(Scope.OVERRIDE) && caller.mayActOn(choices.teamOf(service));
    }

    private void override(OverrideRequest start) {
        // Read the catalog again: a service may have been added since this view opened.
        choices = ServiceChoices.load(services);
        List<String> allowed = choices.ids().stream().filter(this::mayOverride).toList();
        new OverrideForm(overrides, choices, allowed, clock, start, created -> {
            Notices.success("Override of " + created.service() + " into " + created.stage() + " in force until "
                    + BrowserTime.format(created.expiresAt(), ""));
            refreshOverrides();
        }).open();
    }

    private void refreshOverrides() {
        inForce.setItems(overrides.list(null, false, Overrides.MAX_LIMIT));
    }

    private GridActions overrideActions(GateOverride override) {
        GridActions actions = new GridActions();
        if (mayOverride(override.service())) {
            actions.add(VaadinIcon.BAN, "Revoke", override.service() + " into " + override.stage(), true,
                    e -> confirmRevoke(override));
        }
        return actions;
    }

    private void confirmRevoke(GateOverride override) {
        Confirmation.ask("Revoke the override of " + override.service() + " into " + override.stage() + "?",
                "From the next evaluation on, the rules decide again.", "Revoke override", () -> revoke(override));
    }

    private void revoke(GateOverride override) {
        try {
            overrides.revoke(override.id());
            Notices.success("Override of " + override.service() + " into " + override.stage() + " revoked");
        } catch (NotFoundException refusal) {
            Notices.error(refusal.getMessage());
        }
        refreshOverrides();
    }
}
