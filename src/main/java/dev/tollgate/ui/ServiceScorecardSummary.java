package dev.tollgate.ui;

import java.util.stream.Stream;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

import dev.tollgate.scorecard.Scorecard;

/**
 * A service's scorecard in brief, on its page: its DORA figures and operational figures over the
 * period, each as on the team's scorecard. The team's scorecard has the rest.
 */
final class ServiceScorecardSummary extends Div {

    ServiceScorecardSummary(Scorecard card, OfferedPeriod period) {
        setId("service-scorecard");
        addClassName("service-scorecard");
        Span window = new Span("last " + period.label);
        window.addClassName("muted");
        Div head = new Div(new H3("Scorecard"), window);
        head.addClassName("scorecard-card-head");
        Div tiles = new Div();
        tiles.addClassName("figure-tiles");
        Stream.concat(card.dora() == null ? Stream.empty() : card.dora().items().stream().map(item -> new FigureTile(
                "dora-" + TeamScorecardView.tileId(item), item)),
                card.operational().stream().map(item -> new FigureTile("item-" + TeamScorecardView.tileId(item), item)))
                .forEach(tiles::add);
        add(head, tiles);
    }
}
