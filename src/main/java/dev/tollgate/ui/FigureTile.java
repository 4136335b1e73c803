package dev.tollgate.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import dev.tollgate.scorecard.ScorecardItem;

/**
 * One scorecard figure: its title and status, its value with its unit beside a sparkline of the
 * period, its change against the period before (coloured by whether that is for the better) and
 * its target.
 */
final class FigureTile extends Div {

    FigureTile(String id, ScorecardItem item) {
        setId(id);
        addClassName("figure-tile");

        Span title = new Span(item.title() == null || item.title().isBlank() ? item.key() : item.title());
        title.addClassName("figure-title");
        title.setTitle(item.key());
        Div head = new Div(title, badge(item));
        head.addClassName("figure-tile-head");

        Span value = new Span(FigureText.value(item.value(), item.unit()));
        value.addClassName("figure-value");
        Div body = new Div(value);
        body.addClassName("figure-tile-body");
        if (item.series() != null && !item.series().isEmpty()) {
            body.add(new Sparkline(item.series(), "The " + title.getText() + " over the period"));
        }

        Span delta = new Span(item.deltaPct() == null ? "no period before to compare"
                : FigureText.delta(item.deltaPct()) + " vs before");
        delta.addClassNames("figure-delta", "delta-" + FigureText.deltaTone(item.deltaPct(), item.better()));
        if (item.previous() != null) {
            delta.setTitle("Before: " + FigureText.value(item.previous(), item.unit()));
        }
        Div foot = new Div(delta);
        foot.addClassName("figure-tile-foot");
        if (item.target() != null) {
            Span target = new Span(FigureText.target(item.target(), item.unit()));
            target.addClassNames("figure-target", "muted");
            foot.add(target);
        }
        add(head, body, foot);
    }

    static Span badge(ScorecardItem item) {
        Span badge = new Span(FigureText.statusLabel(item.status()));
        badge.addClassNames("status", FigureText.statusClass(item.status()));
        return badge;
    }
}
