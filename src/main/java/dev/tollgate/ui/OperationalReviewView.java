package dev.tollgate.ui;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.TeamCatalog;
import dev.tollgate.review.ActionItem;
import dev.tollgate.review.OperationalReview;
import dev.tollgate.review.OperationalReviews;
import dev.tollgate.scorecard.Scorecard;
import dev.tollgate.scorecard.ScorecardItem;
import dev.tollgate.scorecard.ScorecardStatus;
import dev.tollgate.scorecard.Scorecards;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;

import jakarta.annotation.security.PermitAll;

/**
 * The weekly operational review: every service's figures of the week in one table, worst first;
 * a wheel that picks the service to review live; the reviews recorded that week; and the action
 * items of every week, listed until done. Those who may review a team (admins, principals, its
 * leads) record reviews and items for it; everyone else reads along.
 */
@Route("review")
@PageTitle("Operational review · Tollgate")
@PermitAll
class OperationalReviewView extends VerticalLayout {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final String NO_FIGURE = "–";
    private static final int WHOLE_LIST = 10;

    private final Scorecards scorecards;
    private final OperationalReviews reviews;
    private final ReviewWheel wheel;
    private final Clock clock;
    private final boolean reviewer;
    private final TeamChoices teamChoices;
    private final ServiceChoices serviceChoices;
    private final ZoneId zone = BrowserTime.zone();
    private final DatePicker weekPicker = new DatePicker();
    private final Span weekLabel = new Span();
    private final Button spin = new Button("Spin the wheel", VaadinIcon.REFRESH.create());
    private final Grid<Scorecard> figures = new Grid<>();
    private final Div pick = new Div();
    private final Grid<OperationalReview> weekReviews = new Grid<>();
    private final ComboBox<String> itemTeamFilter;
    private final Grid<ActionItem> items = new Grid<>();
    private LocalDate week;
    private List<Scorecard> listed = List.of();
    private OperationalReview lastReview;

    OperationalReviewView(Scorecards scorecards, OperationalReviews reviews, ReviewWheel wheel, TeamCatalog teams,
            ServiceCatalog services, CurrentCaller callers, Clock clock) {
        this.scorecards = scorecards;
        this.reviews = reviews;
        this.wheel = wheel;
        this.clock = clock;
        this.reviewer = callers.get().has(Scope.REVIEW);
        this.teamChoices = TeamChoices.load(teams);
        this.serviceChoices = ServiceChoices.load(services);
        this.itemTeamFilter = teamChoices.filter("action-items-team", "Team of the action items");
        addClassName("review-view");

        spin.setId("spin-wheel");
        spin.addThemeVariants(ButtonVariant.PRIMARY);
        spin.addClickListener(e -> spin());
        add(new ViewToolbar("Operational review", "The week's figures of every service, worst first. Spin the wheel "
                + "to pick a service to review live; what the review finds to do is listed until done.", spin));
        add(weekFilter());

        configureFigures();
        pick.setId("wheel-pick");
        pick.addClassName("wheel-pick");
        pick.setVisible(false);
        add(figures, pick);

        configureWeekReviews();
        Paragraph reviewsPurpose = new Paragraph("Each review counts toward its team's principal_reviews figure.");
        reviewsPurpose.addClassName("muted");
        add(new H3("Reviews of the week"), reviewsPurpose, weekReviews);

        add(actionItems());

        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        weekPicker.setValue(OperationalReview.weekOf(today));
    }

    private Div weekFilter() {
        weekPicker.setId("review-week");
        weekPicker.setAriaLabel("Week");
        weekPicker.setWeekNumbersVisible(true);
        weekPicker.setI18n(ActionItemForm.isoDates());
        weekPicker.setHelperText("Any day of the week");
        weekPicker.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                weekPicker.setValue(week);
            } else if (!e.getValue().equals(OperationalReview.weekOf(e.getValue()))) {
                weekPicker.setValue(OperationalReview.weekOf(e.getValue()));
            } else {
                showWeek(e.getValue());
            }
        });
        Button previous = new Button(VaadinIcon.ANGLE_LEFT.create(), e -> weekPicker.setValue(week.minusWeeks(1)));
        previous.setId("previous-week");
        previous.setAriaLabel("Previous week");
        Button next = new Button(VaadinIcon.ANGLE_RIGHT.create(), e -> weekPicker.setValue(week.plusWeeks(1)));
        next.setId("next-week");
        next.setAriaLabel("Next week");
        weekLabel.setId("review-week-label");
        weekLabel.addClassName("week-label");
        Div filter = new Div(previous, weekPicker, next, weekLabel);
        filter.addClassName("filters");
        return filter;
    }

    private void configureFigures() {
        figures.setId("review-figures");
        figures.addThemeVariants(GridVariant.ROW_STRIPES);
        figures.addColumn(Scorecard::service).setHeader("Service").setAutoWidth(true).setFrozen(true);
        figures.addColumn(card -> teamChoices.label(card.team())).setHeader("Team").setAutoWidth(true);
        figures.addComponentColumn(OperationalReviewView::statusCounts).setHeader("Figures").setAutoWidth(true);
        figures.addComponentColumn(card -> figure(card.item("errors"))).setHeader("Errors").setAutoWidth(true);
        figures.addComponentColumn(card -> figure(card.item("latency_ms"))).setHeader("Latency p99").setAutoWidth(true);
        figures.addComponentColumn(card -> figure(card.item("availability"))).setHeader("Availability")
                .setAutoWidth(true);
        figures.addComponentColumn(card -> figure(Optional.ofNullable(card.dora().changeFailureRate())))
                .setHeader("Change failure rate").setAutoWidth(true);
        figures.addSelectionListener(e -> e.getFirstSelectedItem().ifPresentOrElse(this::showPick, () -> pick.setVisible(false)));
    }

    private void configureWeekReviews() {
        weekReviews.setId("week-reviews");
        weekReviews.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        weekReviews.addColumn(review -> review.service() == null ? "whole team" : review.service()).setHeader("Service")
                .setAutoWidth(true);
        weekReviews.addColumn(review -> teamChoices.label(review.team())).setHeader("Team").setAutoWidth(true);
        weekReviews.addColumn(OperationalReview::notes).setHeader("Notes").setFlexGrow(3);
        weekReviews.addColumn(OperationalReview::reviewer).setHeader("Reviewer").setAutoWidth(true);
        weekReviews.addColumn(review -> BrowserTime.format(review.reviewedAt(), "")).setHeader("When").setAutoWidth(true);
        weekReviews.setEmptyStateText("No review recorded for this week yet. Spin the wheel to pick a service.");
        weekReviews.setAllRowsVisible(true);
    }

    private Component actionItems() {
        Button add = new Button("Add action item", VaadinIcon.PLUS.create(), e -> addItem(null, null));
        add.setId("add-action-item");
        add.setVisible(reviewer);
        itemTeamFilter.addValueChangeListener(e -> refreshItems());
        Div tools = new Div(itemTeamFilter, add);
        tools.addClassName("filters");
        Paragraph purpose = new Paragraph("Open items of every week, due first: each stays here until it is marked done.");
        purpose.addClassName("muted");

        items.setId("action-items-grid");
        items.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        items.addComponentColumn(this::due).setHeader("Due").setAutoWidth(true).setFlexGrow(0);
        items.addColumn(ActionItem::title).setHeader("Action item").setFlexGrow(3);
        items.addColumn(ActionItem::owner).setHeader("Owner").setAutoWidth(true);
        items.addColumn(item -> teamChoices.label(item.team())).setHeader("Team").setAutoWidth(true);
        items.addColumn(item -> item.service() == null ? "" : item.service()).setHeader("Service").setAutoWidth(true);
        items.addComponentColumn(this::done).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        items.setEmptyStateText("No open action items. What a review finds to do is listed here until done.");
        items.setAllRowsVisible(true);
        VerticalLayout section = new VerticalLayout(new H3("Action items"), purpose, tools, items);
        section.setPadding(false);
        return section;
    }

    private void showWeek(LocalDate monday) {
        week = monday;
        Instant start = monday.atStartOfDay(zone).toInstant();
        Instant end = monday.plusWeeks(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        weekLabel.setText("Week " + monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + ", " + DAY.format(monday) + " – "
                + DAY.format(monday.plusDays(6)) + (end.isAfter(now) && start.isBefore(now) ? " (the last 7 days)" : ""));
        if (start.isAfter(now)) {
            listed = List.of();
            figures.setEmptyStateText("This week has not begun yet: its figures come as it does.");
        } else {
            // The current week shows the seven days up to now: a week cut short would compare badly with the one before.
            listed = scorecards.services(WEEK, end.isAfter(now) ? now : end);
            figures.setEmptyStateText("No services yet: register one, or send metrics for it.");
        }
        figures.setItems(listed);
        // A short list whole; a long one scrolls within the page, so the pick and the items stay in reach.
        boolean whole = listed.size() <= WHOLE_LIST;
        figures.setAllRowsVisible(whole);
        figures.setHeight(whole ? null : "24rem");
        spin.setEnabled(!listed.isEmpty());
        pick.setVisible(false);
        refreshWeekReviews();
        refreshItems();
    }

    private void spin() {
        wheel.spin(listed).ifPresent(card -> {
            figures.select(card);
            figures.scrollToIndex(listed.indexOf(card));
            if (reviews.mayReview(card.team())) {
                review(card);
            }
        });
    }

    private void showPick(Scorecard card) {
        pick.removeAll();
        Span service = new Span(card.service());
        service.setId("wheel-pick-service");
        service.addClassName("wheel-pick-service");
        Span team = new Span(card.team());
        team.setId("wheel-pick-team");
        Span teamLine = new Span(new Span("Team "), team);
        teamLine.addClassName("muted");
        pick.add(new Div(VaadinIcon.CROSSHAIRS.create(), service, teamLine));
        if (reviews.mayReview(card.team())) {
            Button record = new Button("Record review", VaadinIcon.EDIT.create(), e -> review(card));
            record.setId("record-review");
            Button item = new Button("Add action item", VaadinIcon.PLUS.create(),
                    e -> addItem(card.team(), card.service()));
            item.setId("add-action-item-for-pick");
            pick.add(new Div(record, item));
        } else {
            Paragraph readOnly = new Paragraph("Reviews of team " + card.team() + " are recorded by admins, "
                    + "principals and the team's leads.");
            readOnly.addClassName("muted");
            pick.add(readOnly);
        }
        pick.setVisible(true);
    }

    private void review(Scorecard card) {
        new ReviewForm(reviews, card.team(), card.service(), week, recorded -> {
            lastReview = recorded;
            Notices.success("Review of " + recorded.service() + " recorded");
            refreshWeekReviews();
        }).open();
    }

    private void addItem(String team, String service) {
        List<String> teams = teamChoices.ids().stream().filter(reviews::mayReview).toList();
        OperationalReview review = lastReview != null && lastReview.team().equals(team)
                && java.util.Objects.equals(lastReview.service(), service) ? lastReview : null;
        new ActionItemForm(reviews, teamChoices, teams, serviceChoices, team, service, review,
                LocalDate.ofInstant(clock.instant(), zone), added -> {
                    Notices.success("Action item added for " + added.owner());
                    refreshItems();
                }).open();
    }

    private void refreshWeekReviews() {
        weekReviews.setItems(reviews.list(null, week.toString(), OperationalReviews.MAX_LIMIT));
    }

    private void refreshItems() {
        items.setItems(reviews.open(itemTeamFilter.getValue()));
    }

    private Component due(ActionItem item) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Span due = new Span(item.due().toString());
        if (item.overdueOn(today)) {
            due.setText(item.due() + " overdue");
            due.addClassName("overdue");
        }
        return due;
    }

    private Component done(ActionItem item) {
        Button done = new Button("Done", VaadinIcon.CHECK.create(), e -> {
            ActionItem finished = reviews.complete(item.id());
            Notices.success("Done: " + finished.title());
            refreshItems();
        });
        done.addClassName("action-done");
        done.addThemeVariants(ButtonVariant.SMALL);
        done.setAriaLabel("Done: " + item.title());
        done.setVisible(reviews.mayReview(item.team()));
        return done;
    }

    /** "BAD 2 · WATCH 1 · GOOD 5": how many figures stand where, each in its status's colour. */
    private static Component statusCounts(Scorecard card) {
        Div counts = new Div();
        counts.addClassName("status-counts");
        for (ScorecardStatus status : List.of(ScorecardStatus.BAD, ScorecardStatus.WATCH, ScorecardStatus.GOOD)) {
            long count = card.count(status);
            if (count > 0) {
                counts.add(status(new Span(status.name() + " " + count), status));
            }
        }
        if (counts.getChildren().findAny().isEmpty()) {
            counts.add(status(new Span("no data"), ScorecardStatus.NO_DATA));
        }
        return counts;
    }

    /** One figure in its status's colour; what it is compared with in its tooltip. */
    private static Component figure(Optional<ScorecardItem> found) {
        if (found.isEmpty() || found.get().value() == null) {
            return status(new Span(NO_FIGURE), ScorecardStatus.NO_DATA);
        }
        ScorecardItem item = found.get();
        Span figure = status(new Span(number(item.value()) + unit(item.unit())), item.status());
        figure.setTitle(item.status() + (item.previous() == null ? "" : ", the week before " + number(item.previous()))
                + (item.deltaPct() == null ? "" : " (" + (item.deltaPct() > 0 ? "+" : "") + number(item.deltaPct()) + " %)")
                + (item.target() == null ? "" : ", target " + number(item.target())));
        return figure;
    }

    private static Span status(Span span, ScorecardStatus status) {
        span.addClassNames("status", "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return span;
    }

    /** Four significant digits, and whole numbers from a thousand up: enough to compare, few to read. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (Math.abs(value) >= 1000) {
            return String.format(Locale.ENGLISH, "%,.0f", value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String unit(String unit) {
        if (unit == null || unit.isBlank() || unit.equals("count")) {
            return "";
        }
        return unit.equals("percent") ? " %" : " " + unit;
    }
}
