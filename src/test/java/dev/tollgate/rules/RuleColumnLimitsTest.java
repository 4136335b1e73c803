package dev.tollgate.rules;

import static dev.tollgate.db.Tables.AUDIT_EVENT;
import static dev.tollgate.db.Tables.RULE;
import static dev.tollgate.db.Tables.RULE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.Field;
import org.junit.jupiter.api.Test;

import dev.tollgate.api.Identifier;

/** DESIGN.md: one constant per limit, used by the DDL and the validation alike (V006 against this package). */
class RuleColumnLimitsTest {

    private static int length(Field<?> column) {
        return column.getDataType().length();
    }

    @Test
    void identifier_columns_hold_exactly_an_identifier() {
        assertThat(length(RULE.ID)).isEqualTo(Identifier.MAX_LENGTH);
        assertThat(length(RULE.SCOPE_TEAM)).isEqualTo(Identifier.MAX_LENGTH);
        assertThat(length(RULE.SCOPE_SERVICE)).isEqualTo(Identifier.MAX_LENGTH);
        assertThat(length(RULE_VERSION.RULE_ID)).isEqualTo(Identifier.MAX_LENGTH);
        assertThat(length(AUDIT_EVENT.TARGET_ID)).isGreaterThanOrEqualTo(Identifier.MAX_LENGTH);
    }

    @Test
    void document_columns_hold_the_longest_rule_document() {
        assertThat(length(RULE.DOCUMENT)).isEqualTo(Rules.MAX_DOCUMENT_LENGTH);
        assertThat(length(RULE_VERSION.DOCUMENT)).isEqualTo(Rules.MAX_DOCUMENT_LENGTH);
        assertThat(length(RULE_VERSION.CHANGED_BY)).isEqualTo(length(AUDIT_EVENT.ACTOR));
    }
}
