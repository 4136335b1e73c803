package dev.tollgate.ui;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import dev.tollgate.api.ApiDuration;
import dev.tollgate.gate.AppliedOverride;
import dev.tollgate.gate.GateEvaluation;
import dev.tollgate.rules.RuleOutcome;
import dev.tollgate.rules.Verdict;

/**
 * One gate evaluation in full: the verdict and why, each rule's part in it (dry runs included,
 * marked), the wait before asking again, warnings, and the override it was answered under.
 */
final class GateEvaluationDetail extends Div {

    GateEvaluationDetail(GateEvaluation evaluation, Component... actions) {
        setId("evaluation-detail");
        addClassName("evaluation-detail");
        H3 title = new H3(evaluation.service() + " " + evaluation.version() + " into " + evaluation.stage());
        Div heading = new Div(title, verdict(evaluation.verdict()));
        heading.addClassName("evaluation-heading");
        add(heading);
        add(line("Asked", BrowserTime.format(evaluation.evaluatedAt(), "") + ", decided in " + evaluation.durationMs()
                + " ms"));
        add(line("Promotes from", evaluation.sourceStage() == null ? "nowhere: the first stage of the path"
                : evaluation.sourceStage()));
        if (evaluation.pipelineRun() != null) {
            add(line("Pipeline run", evaluation.pipelineRun()));
        }
        if (evaluation.retryAfter() != null) {
            add(line("Ask again after", ApiDuration.format(Duration.ofSeconds(evaluation.retryAfter())) + " ("
                    + evaluation.retryAfter() + " s)"));
        }
        evaluation.warnings().forEach(warning -> {
            Paragraph text = new Paragraph(warning);
            text.addClassName("evaluation-warning");
            add(text);
        });
        if (evaluation.override() != null) {
            add(override(evaluation.override()));
        }
        add(results(evaluation));
        if (actions.length > 0) {
            Div buttons = new Div(actions);
            buttons.addClassName("view-actions");
            add(buttons);
        }
    }

    static Span verdict(Verdict.Decision decision) {
        Span verdict = new Span(decision.name());
        verdict.addClassNames("verdict", "verdict-" + decision.name().toLowerCase(Locale.ROOT));
        return verdict;
    }

    private static Div line(String label, String value) {
        Span name = new Span(label);
        name.addClassName("muted");
        Div line = new Div(name, new Span(value));
        line.addClassName("evaluation-line");
        return line;
    }

    private static Div override(AppliedOverride override) {
        Div box = new Div(new Span("Overridden by " + override.by() + " until "
                + BrowserTime.format(override.expiresAt(), "") + ": the rules said " + override.overriddenVerdict()
                + "."), new Paragraph(override.reason()));
        box.setId("evaluation-override");
        box.addClassName("evaluation-override");
        return box;
    }

    private static Grid<RuleOutcome> results(GateEvaluation evaluation) {
        Grid<RuleOutcome> grid = new Grid<>();
        grid.setId("evaluation-results");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(outcome -> outcome.name() + " (" + outcome.rule() + " v" + outcome.ruleVersion() + ")")
                .setHeader("Rule").setAutoWidth(true);
        grid.addColumn(RuleOutcome::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(outcome -> outcome.dryRun() ? outcome.effect() + " (dry run)" : outcome.effect().name())
                .setHeader("Effect").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(outcome -> number(outcome.observed())).setHeader("Observed").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(outcome -> number(outcome.threshold())).setHeader("Threshold").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(RuleOutcome::message).setHeader("Message").setFlexGrow(2);
        grid.setItems(evaluation.results());
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No rule applied to this promotion.");
        return grid;
    }

    /** Figures as people write them: 14, 0.0123; no "14.0". */
    static String number(Double value) {
        if (value == null) {
            return "";
        }
        return Double.isFinite(value) ? new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString()
                : Double.toString(value);
    }
}
