package dev.tollgate.goals;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.tollgate.api.ApiTime;

/**
 * An input goal of a team. Its identifier is unique within the team.
 *
 * @param due the day the goal is due, if it has one: a day rather than an instant, so that it
 *            reads the same in every time zone
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Goal(String team, String id, GoalCategory category, String title, double target, double current,
        String unit, LocalDate due, Instant createdAt, Instant updatedAt) {

    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_UNIT_LENGTH = 32;
    public static final String DUE_DESCRIPTION = ApiTime.DATE_DESCRIPTION;

    boolean sameContent(Goal other) {
        return category == other.category && title.equals(other.title) && Double.compare(target, other.target) == 0
                && Double.compare(current, other.current) == 0 && java.util.Objects.equals(unit, other.unit)
                && java.util.Objects.equals(due, other.due);
    }
}
