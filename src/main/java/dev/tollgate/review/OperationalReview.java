package dev.tollgate.review;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A review of a team's figures, or of one of its services, in the weekly operational review.
 *
 * @param week     the Monday of the ISO week whose figures were reviewed
 * @param reviewer who recorded it, as the audit log names them ({@code user:priya})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationalReview(String id, String team, String service, LocalDate week, Instant reviewedAt,
        String reviewer, String notes) {

    public static final int MAX_NOTES_LENGTH = 4000;
    public static final int MAX_REVIEWER_LENGTH = 200;

    /** The Monday of the ISO week {@code day} falls in: how a week is named here. */
    public static LocalDate weekOf(LocalDate day) {
        return day.with(DayOfWeek.MONDAY);
    }
}
