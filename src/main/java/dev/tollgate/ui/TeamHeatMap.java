package dev.tollgate.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import dev.tollgate.gate.GateTally;
import dev.tollgate.scorecard.DoraScorecard;
import dev.tollgate.scorecard.Scorecard;
import dev.tollgate.scorecard.ScorecardItem;
import dev.tollgate.scorecard.ScorecardStatus;

/**
 * Every team in one table: a row per team, a column per key figure, each cell coloured by the
 * figure's status and showing its change against the period before. A click on a row, or on the
 * team's name, opens the team's scorecard over the same period. On a narrow screen the table
 * scrolls sideways inside its frame, the team column staying in place.
 */
final class TeamHeatMap extends Div {

    /** A key figure of the heat map: how to read its cell off a team's scorecard. */
    record Column(String id, String label, Function<Scorecard, Cell> cell) {
    }

    /** A cell as shown: its value, its change, whether the change is good, its status, and a tooltip. */
    record Cell(String value, String delta, String tone, ScorecardStatus status, String title) {
    }

    static final List<Column> COLUMNS = List.of(
            metric("availability", "Availability"),
            metric("errors", "Errors"),
            metric("latency_ms", "Latency p99"),
            dora("deployment-frequency", "Deployments", DoraScorecard::deploymentFrequency),
            dora("change-failure-rate", "Change failure rate", DoraScorecard::changeFailureRate),
            dora("time-to-restore", "Time to restore", DoraScorecard::timeToRestore),
            new Column("gate-stops", "Gate stops", card -> stops(card.gates())),
            metric("security_training_pct", "Security training"));

    TeamHeatMap(List<Scorecard> cards, Function<String, String> teamName, OfferedPeriod period) {
        addClassName("heat-map-frame");
        setId("heat-map");
        NativeTable table = new NativeTable();
        table.addClassName("heat-map");
        table.setCaptionText("Key figures per team over the last " + period.label
                + ", with the change against the " + period.label + " before");
        NativeTableRow head = table.getHead().addRow();
        NativeTableHeaderCell teamHeader = head.addHeaderCell();
        teamHeader.setText("Team");
        teamHeader.getElement().setAttribute("scope", "col");
        for (Column column : COLUMNS) {
            NativeTableHeaderCell header = head.addHeaderCell();
            header.setText(column.label());
            header.getElement().setAttribute("scope", "col");
        }
        for (Scorecard card : cards) {
            table.getBody().addRows(row(card, teamName.apply(card.team()), period));
        }
        add(table);
    }

    private static NativeTableRow row(Scorecard card, String name, OfferedPeriod period) {
        NativeTableRow row = new NativeTableRow();
        row.setId("heat-row-" + card.team());
        row.addClassName("heat-row");
        RouteParameters team = new RouteParameters("team", card.team());
        QueryParameters query = QueryParameters.of(OfferedPeriod.PARAMETER, period.parameter());
        RouterLink link = new RouterLink(name, TeamScorecardView.class, team);
        link.setQueryParameters(query);
        link.setId("heat-team-" + card.team());
        NativeTableHeaderCell teamCell = row.addHeaderCell();
        teamCell.getElement().setAttribute("scope", "row");
        teamCell.add(link);
        for (Column column : COLUMNS) {
            row.add(cell(card.team(), column, column.cell().apply(card)));
        }
        // The whole row opens the team; the link inside it navigates by itself.
        row.getElement().addEventListener("click", e -> row.getUI()
                .ifPresent(ui -> ui.navigate(TeamScorecardView.class, team, query)))
                .setFilter("!event.target.closest('a')");
        return row;
    }

    private static NativeTableCell cell(String team, Column column, Cell cell) {
        Span value = new Span(cell.value());
        value.addClassName("heat-value");
        NativeTableCell td = new NativeTableCell(value);
        if (!cell.delta().isEmpty()) {
            Span delta = new Span(cell.delta());
            delta.addClassNames("heat-delta", "delta-" + cell.tone());
            td.add(delta);
        }
        td.setId("heat-" + team + "-" + column.id());
        td.addClassNames("heat-cell", FigureText.statusClass(cell.status()));
        td.getElement().setAttribute("title", column.label() + ": " + cell.title());
        return td;
    }

    private static Column metric(String metric, String label) {
        return new Column(metric.replace('_', '-'), label, card -> cell(card.item(metric)));
    }

    private static Column dora(String id, String label, Function<DoraScorecard, ScorecardItem> figure) {
        return new Column(id, label,
                card -> cell(Optional.ofNullable(card.dora()).map(figure)));
    }

    static Cell cell(Optional<ScorecardItem> figure) {
        if (figure.isEmpty()) {
            return new Cell(FigureText.NONE, "", "flat", ScorecardStatus.NO_DATA, "not measured for this team");
        }
        ScorecardItem item = figure.get();
        String value = FigureText.value(item.value(), item.unit());
        String title = FigureText.statusLabel(item.status()) + ", " + value
                + (item.previous() == null ? "" : " (before: " + FigureText.value(item.previous(), item.unit()) + ")")
                + (item.target() == null ? "" : ", " + FigureText.target(item.target(), item.unit()));
        return new Cell(value, item.deltaPct() == null ? "" : FigureText.delta(item.deltaPct()),
                FigureText.deltaTone(item.deltaPct(), item.better()), item.status(), title);
    }

    /**
     * A stop is the gate doing its job, not a failure of the team; but a team whose promotions
     * were stopped has something to look into, so stops colour the cell WATCH, never BAD.
     */
    static Cell stops(GateTally gates) {
        if (gates == null || gates.evaluations() == 0) {
            return new Cell("0", "", "flat", ScorecardStatus.NO_DATA, "the gate was not asked");
        }
        return new Cell(Integer.toString(gates.stopped()), "", "flat",
                gates.stopped() == 0 ? ScorecardStatus.GOOD : ScorecardStatus.WATCH,
                gates.stopped() + " of " + gates.evaluations() + " promotions stopped");
    }
}
