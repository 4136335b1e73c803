package dev.tollgate.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextField;

import dev.tollgate.review.ActionItem;
import dev.tollgate.review.ActionItemDraft;
import dev.tollgate.review.OperationalReview;
import dev.tollgate.review.OperationalReviews;

/**
 * Adds an action item: what is to be done, by whom and by when, for a team and optionally one of
 * its services. Opened after a review, it belongs to that review.
 */
final class ActionItemForm extends FormDialog {

    /** A week: long enough to do something, short enough that the next review asks about it. */
    private static final int DEFAULT_DUE_DAYS = 7;

    private final OperationalReviews reviews;
    private final OperationalReview review;
    private final Consumer<ActionItem> onAdded;
    private final ComboBox<String> team = new ComboBox<>("Team");
    private final ComboBox<String> service = new ComboBox<>("Service (optional)");
    private final TextField title = new TextField("What is to be done");
    private final TextField owner = new TextField("Owner");
    private final DatePicker due = new DatePicker("Due");

    /**
     * {@code teams} are those the caller may review; {@code team} and {@code service} fill the
     * fields (either may be null); {@code review}, when not null, is the review the item comes from.
     */
    ActionItemForm(OperationalReviews reviews, TeamChoices teamChoices, List<String> teams, ServiceChoices services,
            String team, String service, OperationalReview review, LocalDate today, Consumer<ActionItem> onAdded) {
        super("Add action item", "Add");
        this.reviews = reviews;
        this.review = review;
        this.onAdded = onAdded;
        setId("action-item-form");

        this.team.setId("action-item-team");
        this.team.setItems(teams);
        this.team.setItemLabelGenerator(teamChoices::label);
        this.team.setRequiredIndicatorVisible(true);
        this.team.setManualValidation(true);
        this.team.addValueChangeListener(e -> {
            this.service.setItems(services.idsOf(e.getValue()));
            this.service.clear();
        });
        this.service.setId("action-item-service");
        this.service.setClearButtonVisible(true);
        this.service.setManualValidation(true);
        title.setId("action-item-title");
        title.setMaxLength(ActionItem.MAX_TITLE_LENGTH);
        title.setRequiredIndicatorVisible(true);
        title.setManualValidation(true);
        owner.setId("action-item-owner");
        owner.setMaxLength(ActionItem.MAX_OWNER_LENGTH);
        owner.setHelperText("The person who will do it");
        owner.setRequiredIndicatorVisible(true);
        owner.setManualValidation(true);
        due.setId("action-item-due");
        due.setI18n(isoDates());
        due.setValue(today.plusDays(DEFAULT_DUE_DAYS));
        due.setRequiredIndicatorVisible(true);
        due.setManualValidation(true);
        form.add(this.team, this.service, title, owner, due);
        violations.on("team", this.team).on("service", this.service).on("title", title).on("owner", owner)
                .on("due", due);

        if (team != null && teams.contains(team)) {
            this.team.setValue(team);
            if (service != null && services.idsOf(team).contains(service)) {
                this.service.setValue(service);
            }
            title.setAutofocus(true);
        } else {
            this.team.setAutofocus(true);
        }
    }

    /** Dates as the API writes them (2026-12-31), weeks from Monday as ISO weeks run. */
    static DatePicker.DatePickerI18n isoDates() {
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setDateFormat("yyyy-MM-dd");
        i18n.setFirstDayOfWeek(1);
        return i18n;
    }

    @Override
    void save() {
        String reviewId = review != null && review.team().equals(team.getValue()) ? review.id() : null;
        onAdded.accept(reviews.add(new ActionItemDraft(team.getValue(), service.getValue(), reviewId, title.getValue(),
                owner.getValue(), due.getValue() == null ? null : due.getValue().toString())));
    }
}
