package dev.tollgate.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;

import dev.tollgate.api.ApiDuration;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Violation;
import dev.tollgate.rules.Backtest;
import dev.tollgate.rules.RuleBacktests;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rule as it is being edited, saved or not, replayed over the last 30 days of one service it
 * gates: its figures and threshold on a chart, the steps at which it would have stopped the
 * promotion marked, and how often that would have been. A team tunes a threshold here before the
 * rule decides anything.
 */
final class RuleBacktestPanel extends Details {

    static final Duration PERIOD = Duration.ofDays(30);
    static final Duration STEP = RuleBacktests.DEFAULT_STEP;
    /** Where the service's own fields are named to the form's violations; the rule's are the form's. */
    private static final String POINTER = "backtest";

    private final RuleBacktests backtests;
    private final ServiceChoices services;
    private final Clock clock;
    private final ComboBox<String> service = new ComboBox<>("Service");
    private final Select<String> stage = new Select<>();
    private final Span summary = new Span();
    private final Span statuses = new Span();
    private final TimeSeriesChart chart = new TimeSeriesChart("Backtest", "");
    private Supplier<ObjectNode> rule;
    private FormViolations violations;

    RuleBacktestPanel(RuleBacktests backtests, ServiceChoices services, Clock clock) {
        super("Backtest over the last 30 days");
        this.backtests = backtests;
        this.services = services;
        this.clock = clock;
        setId("rule-backtest");
        service.setId("backtest-service");
        service.setHelperText("A service the rule gates");
        service.setManualValidation(true);
        service.addValueChangeListener(e -> serviceChanged());
        stage.setId("backtest-stage");
        stage.setLabel("Into stage");
        Button run = new Button("Run backtest", VaadinIcon.CHART.create(), e -> run());
        run.setId("run-backtest");
        HorizontalLayout question = new HorizontalLayout(service, stage, run);
        question.setAlignItems(FlexComponent.Alignment.BASELINE);
        question.setWrap(true);
        summary.setId("backtest-summary");
        statuses.setId("backtest-statuses");
        statuses.addClassName("muted");
        chart.setId("backtest-chart");
        chart.setVisible(false);
        chart.setEmptyText("The rule found no figures to draw; the counts above say what it found.");
        add(question, new Div(summary), new Div(statuses), chart);
        addOpenedChangeListener(e -> ruleChanged());
    }

    /**
     * Backtests what {@code rule} answers when run; its faults land where {@code violations} puts
     * the rule's, those of the service and stage on the fields here.
     */
    void bind(Supplier<ObjectNode> rule, FormViolations violations) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.violations = violations.on(POINTER + "/service", service).on(POINTER + "/stage", stage);
        ruleChanged();
    }

    /** The rule's scope or stages may have changed: offer the services it now gates. */
    void ruleChanged() {
        if (rule == null || !isOpened()) {
            return;
        }
        JsonNode edited = rule.get();
        List<String> gated = services.ids().stream().filter(id -> gates(edited, id)).toList();
        String picked = service.getValue();
        service.setItems(gated);
        if (gated.contains(picked)) {
            service.setValue(picked);
        } else if (gated.size() == 1) {
            service.setValue(gated.getFirst());
        }
        serviceChanged();
    }

    private boolean gates(JsonNode rule, String id) {
        JsonNode scope = rule.path("scope");
        if (scope.has("service") && !scope.path("service").asString().equals(id)) {
            return false;
        }
        if (scope.has("team") && !scope.path("team").asString().equals(services.teamOf(id))) {
            return false;
        }
        return !stagesInto(rule, id).isEmpty();
    }

    /** The stages of the service's path that the rule gates, in the path's order. */
    private List<String> stagesInto(JsonNode rule, String id) {
        List<String> gated = rule.path("stages").values().stream().map(JsonNode::asString).toList();
        return services.stagesOf(id).stream().filter(each -> gated.isEmpty() || gated.contains(each)).toList();
    }

    /** The last gated stage is the default: the promotion into production is the one a team worries about. */
    private void serviceChanged() {
        List<String> stages = service.getValue() == null || rule == null ? List.of()
                : stagesInto(rule.get(), service.getValue());
        String picked = stage.getValue();
        stage.setItems(stages);
        stage.setValue(stages.contains(picked) ? picked : stages.isEmpty() ? null : stages.getLast());
    }

    private void run() {
        violations.clear();
        // On the whole hour: every run of the same rule then asks about the same steps, and a tuned threshold compares.
        Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS);
        ObjectNode question = JsonNodeFactory.instance.objectNode();
        question.set("rule", rule.get());
        question.put("service", service.getValue());
        question.put("stage", stage.getValue());
        question.put("from", to.minus(PERIOD).toString());
        question.put("to", to.toString());
        question.put("step", ApiDuration.format(STEP));
        try {
            show(backtests.backtest(question));
        } catch (InvalidInputException refusal) {
            showNothing();
            violations.show(new InvalidInputException(refusal.getMessage(),
                    refusal.violations().stream().map(RuleBacktestPanel::onForm).toList()));
        }
    }

    /** The rule's faults point at the rule under {@code /rule}; the form's fields are named from the rule itself. */
    private static Violation onForm(Violation violation) {
        String pointer = violation.pointer();
        if (pointer == null) {
            return violation;
        }
        String moved = pointer.equals("/rule") ? "/" : pointer.startsWith("/rule/") ? pointer.substring("/rule".length())
                : "/" + POINTER + pointer;
        return new Violation(moved, violation.index(), violation.line(), violation.message());
    }

    private void show(Backtest backtest) {
        summary.setText("Enforced over the last 30 days, this rule " + BacktestChart.summary(backtest) + ".");
        statuses.setText(BacktestChart.byStatus(backtest));
        chart.setTitle(backtest.service() + " into " + backtest.stage() + (backtest.sourceStage() == null ? ""
                : ", from " + backtest.sourceStage()) + ", a step every " + backtest.step());
        chart.setSeries(BacktestChart.series(backtest));
        chart.setMarkers(BacktestChart.stops(backtest));
        chart.setVisible(true);
    }

    private void showNothing() {
        summary.setText("");
        statuses.setText("");
        chart.setVisible(false);
    }
}
