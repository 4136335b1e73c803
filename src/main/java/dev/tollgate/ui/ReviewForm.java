package dev.tollgate.ui;

import java.time.LocalDate;
import java.util.function.Consumer;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

import dev.tollgate.review.OperationalReview;
import dev.tollgate.review.OperationalReviews;
import dev.tollgate.review.ReviewDraft;

/** Records the review of one service for one week: what was looked at and found. */
final class ReviewForm extends FormDialog {

    private final OperationalReviews reviews;
    private final String team;
    private final String service;
    private final LocalDate week;
    private final Consumer<OperationalReview> onRecorded;
    private final TextArea notes = new TextArea("Notes");

    ReviewForm(OperationalReviews reviews, String team, String service, LocalDate week,
            Consumer<OperationalReview> onRecorded) {
        super("Review of " + service, "Record review");
        this.reviews = reviews;
        this.team = team;
        this.service = service;
        this.week = week;
        this.onRecorded = onRecorded;
        setId("review-form");

        Paragraph about = new Paragraph("Team " + team + ", week of " + week + ". The review counts toward the team's "
                + OperationalReviews.REVIEWS_METRIC + ".");
        about.addClassName("muted");
        notes.setId("review-notes");
        notes.setMaxLength(OperationalReview.MAX_NOTES_LENGTH);
        notes.setHelperText("What the figures showed, what was asked, what was found");
        notes.setRequiredIndicatorVisible(true);
        notes.setManualValidation(true);
        notes.setAutofocus(true);
        notes.setMinHeight("8rem");
        form.add(about, notes);
        violations.on("notes", notes);
    }

    @Override
    void save() {
        onRecorded.accept(reviews.record(new ReviewDraft(team, service, notes.getValue(), week.toString())));
    }
}
