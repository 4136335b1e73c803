package dev.tollgate.review;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.tollgate.api.ApiTime;

/**
 * Something a review found to do: who does it ({@code owner}, a person's name as free text, since
 * owners are often people who never sign in here) and by when. Open until {@code doneAt} is set.
 *
 * @param review the review it came from, if any; kept when that review is gone
 * @param due    a day rather than an instant, so that it reads the same in every time zone
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionItem(String id, String team, String service, String review, String title, String owner,
        LocalDate due, Instant createdAt, String createdBy, Instant doneAt, String doneBy) {

    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_OWNER_LENGTH = 200;
    public static final String DUE_DESCRIPTION = ApiTime.DATE_DESCRIPTION;

    public boolean open() {
        return doneAt == null;
    }

    /** Open and due before {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return open() && due.isBefore(today);
    }
}
