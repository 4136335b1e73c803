package dev.tollgate.ui;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

import com.vaadin.flow.component.Component;
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

    /** A card per rule rather than a grid: the panel is narrow, and messages run long. */
    private static Div results(GateEvaluation evaluation) {
        Div results = new Div();
        results.setId("evaluation-results");
        results.addClassName("rule-outcomes");
        if (evaluation.results().isEmpty()) {
            Paragraph none = new Paragraph("No rule applied to this promotion.");
            none.addClassName("muted");
            results.add(none);
        }
        evaluation.results().forEach(outcome -> results.add(outcome(outcome)));
        return results;
    }

    private static Div outcome(RuleOutcome outcome) {
        Span name = new Span(outcome.name());
        name.addClassName("rule-outcome-name");
        Span rule = new Span(outcome.rule() + " v" + outcome.ruleVersion() + ", " + outcome.kind());
        rule.addClassName("muted");
        Span status = new Span(outcome.status().name());
        status.addClassNames("rule-status", "rule-status-" + outcome.status().name().toLowerCase(Locale.ROOT));
        Span effect = new Span(outcome.dryRun() ? "dry run: would " + effect(outcome) : effect(outcome));
        effect.addClassName("rule-effect");
        Div heading = new Div(name, status, effect, rule);
        heading.addClassName("rule-outcome-heading");
        Div card = new Div(heading);
        card.addClassName("rule-outcome");
        if (outcome.observed() != null || outcome.threshold() != null) {
            card.add(new Div(new Span("observed " + (outcome.observed() == null ? "nothing" : number(outcome.observed()))
                    + (outcome.threshold() == null ? "" : ", threshold " + number(outcome.threshold())))));
        }
        if (outcome.message() != null) {
            Paragraph message = new Paragraph(outcome.message());
            message.addClassName("rule-outcome-message");
            card.add(message);
        }
        return card;
    }

    private static String effect(RuleOutcome outcome) {
        return switch (outcome.effect()) {
            case NONE -> "no effect";
            case WARN -> "warn";
            case WAIT -> "wait";
            case STOP -> "stop";
            case ROLLBACK -> "roll back";
        };
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
