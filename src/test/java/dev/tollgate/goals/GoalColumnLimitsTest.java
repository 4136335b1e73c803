package dev.tollgate.goals;

import static dev.tollgate.db.Tables.AUDIT_EVENT;
import static dev.tollgate.db.Tables.GOAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.jooq.Field;
import org.junit.jupiter.api.Test;

import dev.tollgate.api.Identifier;

/** DESIGN.md: one constant per limit, used by the DDL and the validation alike (V004 against this package). */
class GoalColumnLimitsTest {

    private static int length(Field<?> column) {
        return column.getDataType().length();
    }

    @Test
    void identifier_columns_hold_exactly_an_identifier() {
        assertThat(length(GOAL.TEAM_ID)).isEqualTo(Identifier.MAX_LENGTH);
        assertThat(length(GOAL.ID)).isEqualTo(Identifier.MAX_LENGTH);
    }

    @Test
    void goal_columns_match_the_goal_limits_and_hold_every_category() {
        assertThat(length(GOAL.TITLE)).isEqualTo(Goal.MAX_TITLE_LENGTH);
        assertThat(length(GOAL.UNIT)).isEqualTo(Goal.MAX_UNIT_LENGTH);
        assertThat(length(GOAL.CATEGORY)).isGreaterThanOrEqualTo(
                Arrays.stream(GoalCategory.values()).mapToInt(category -> category.name().length()).max().orElseThrow());
    }

    @Test
    void the_audit_log_names_a_goal_by_its_team_and_id() {
        assertThat(length(AUDIT_EVENT.TARGET_ID)).isGreaterThanOrEqualTo(2 * Identifier.MAX_LENGTH + 1);
    }
}
