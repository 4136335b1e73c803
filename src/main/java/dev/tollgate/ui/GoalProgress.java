package dev.tollgate.ui;

import java.time.LocalDate;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import dev.tollgate.scorecard.ScorecardItem;

/**
 * An input goal as a progress bar toward its target, with its due day: marked overdue when the day
 * has passed and the goal is not reached. The bar is a plain element with the progressbar role
 * (the committed frontend bundle holds no vaadin-progress-bar, and one bar is not worth a rebuild).
 */
final class GoalProgress extends Div {

    GoalProgress(ScorecardItem goal, LocalDate today, Component action) {
        setId("goal-" + goal.goal());
        addClassName("goal");

        Span title = new Span(goal.title());
        title.addClassName("goal-title");
        Div head = new Div(title);
        head.addClassName("goal-head");
        if (goal.category() != null) {
            Span category = new Span(goal.category().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            category.addClassName("goal-category");
            head.add(category);
        }
        head.add(FigureTile.badge(goal));
        if (action != null) {
            head.add(action);
        }

        double percent = progress(goal);
        Div fill = new Div();
        fill.addClassName("goal-bar-fill");
        fill.getStyle().set("width", FigureText.number(Math.min(100, percent)) + "%");
        Div bar = new Div(fill);
        bar.addClassName("goal-bar");
        bar.getElement().setAttribute("role", "progressbar");
        bar.getElement().setAttribute("aria-valuemin", "0");
        bar.getElement().setAttribute("aria-valuemax", "100");
        bar.getElement().setAttribute("aria-valuenow", FigureText.number(Math.min(100, percent)));
        bar.getElement().setAttribute("aria-label", goal.title());

        Span amount = new Span((goal.value() == null ? FigureText.NONE : FigureText.number(goal.value())) + " of "
                + FigureText.value(goal.target(), goal.unit()) + " · " + FigureText.number(percent) + "%");
        amount.addClassName("goal-amount");
        Div foot = new Div(amount);
        foot.addClassName("goal-foot");
        if (goal.due() != null) {
            boolean overdue = overdue(goal, today);
            Span due = new Span((overdue ? "overdue since " : "due ") + goal.due());
            due.addClassName(overdue ? "goal-overdue" : "muted");
            foot.add(due);
            if (overdue) {
                addClassName("goal-is-overdue");
            }
        }
        add(head, bar, foot);
    }

    /** Progress in percent of the target; the scorecard's own figure when it gives one. */
    static double progress(ScorecardItem goal) {
        if (goal.progressPct() != null && Double.isFinite(goal.progressPct())) {
            return Math.max(0, goal.progressPct());
        }
        if (goal.value() == null || goal.target() == null || goal.target() == 0) {
            return 0;
        }
        return Math.max(0, goal.value() / goal.target() * 100);
    }

    /** Past its due day (the day itself still counts as in time) and not reached. */
    static boolean overdue(ScorecardItem goal, LocalDate today) {
        return goal.due() != null && goal.due().isBefore(today) && progress(goal) < 100;
    }
}
