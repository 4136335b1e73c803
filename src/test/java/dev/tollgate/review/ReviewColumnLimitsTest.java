package dev.tollgate.review;

import static dev.tollgate.db.Tables.ACTION_ITEM;
import static dev.tollgate.db.Tables.AUDIT_EVENT;
import static dev.tollgate.db.Tables.OPERATIONAL_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.Field;
import org.junit.jupiter.api.Test;

import dev.tollgate.api.GeneratedIds;
import dev.tollgate.api.Identifier;

/** DESIGN.md: one constant per limit, used by the DDL and the validation alike (V010 against this package). */
class ReviewColumnLimitsTest {

    private static int length(Field<?> column) {
        return column.getDataType().length();
    }

    @Test
    void identifier_columns_hold_exactly_an_identifier_or_a_generated_id() {
        assertThat(new Field<?>[] { OPERATIONAL_REVIEW.TEAM_ID, OPERATIONAL_REVIEW.SERVICE_ID, ACTION_ITEM.TEAM_ID,
                ACTION_ITEM.SERVICE_ID }).allSatisfy(column -> assertThat(length(column)).isEqualTo(Identifier.MAX_LENGTH));
        assertThat(new Field<?>[] { OPERATIONAL_REVIEW.ID, ACTION_ITEM.ID, ACTION_ITEM.REVIEW_ID })
                .allSatisfy(column -> assertThat(length(column)).isEqualTo(GeneratedIds.LENGTH));
    }

    @Test
    void text_columns_match_the_review_and_item_limits() {
        assertThat(length(OPERATIONAL_REVIEW.NOTES)).isEqualTo(OperationalReview.MAX_NOTES_LENGTH);
        assertThat(length(OPERATIONAL_REVIEW.REVIEWER)).isEqualTo(OperationalReview.MAX_REVIEWER_LENGTH);
        assertThat(length(ACTION_ITEM.TITLE)).isEqualTo(ActionItem.MAX_TITLE_LENGTH);
        assertThat(length(ACTION_ITEM.OWNER)).isEqualTo(ActionItem.MAX_OWNER_LENGTH);
    }

    @Test
    void who_reviewed_and_who_added_or_finished_an_item_hold_any_actor_the_audit_log_holds() {
        assertThat(new Field<?>[] { OPERATIONAL_REVIEW.REVIEWER, ACTION_ITEM.CREATED_BY, ACTION_ITEM.DONE_BY })
                .allSatisfy(column -> assertThat(length(column)).isEqualTo(length(AUDIT_EVENT.ACTOR)));
        assertThat(length(AUDIT_EVENT.TARGET_ID)).isGreaterThanOrEqualTo(GeneratedIds.LENGTH);
    }
}
