package dev.tollgate.gate;

import static dev.tollgate.db.Tables.AUDIT_EVENT;
import static dev.tollgate.db.Tables.GATE_WEBHOOK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.jooq.Field;
import org.junit.jupiter.api.Test;

import dev.tollgate.api.Identifier;

/** DESIGN.md: one constant per limit, used by the DDL and the validation alike (V008 against this package). */
class TeamWebhookColumnLimitsTest {

    private static int length(Field<?> column) {
        return column.getDataType().length();
    }

    @Test
    void webhook_columns_match_the_webhook_limits() {
        assertThat(length(GATE_WEBHOOK.TEAM_ID)).isEqualTo(Identifier.MAX_LENGTH);
        assertThat(length(GATE_WEBHOOK.URL)).isEqualTo(TeamWebhook.MAX_URL_LENGTH);
        assertThat(length(GATE_WEBHOOK.SECRET)).isEqualTo(TeamWebhook.MAX_SECRET_LENGTH);
        assertThat(length(GATE_WEBHOOK.UPDATED_BY)).isGreaterThanOrEqualTo(length(AUDIT_EVENT.ACTOR));
    }

    @Test
    void webhook_columns_hold_every_format_and_every_verdict_that_may_notify() {
        assertThat(length(GATE_WEBHOOK.FORMAT)).isGreaterThanOrEqualTo(
                Arrays.stream(WebhookFormat.values()).mapToInt(format -> format.name().length()).max().orElseThrow());
        assertThat(length(GATE_WEBHOOK.VERDICTS)).isGreaterThanOrEqualTo(
                TeamWebhook.NOTIFYING.stream().map(Enum::name).collect(Collectors.joining(",")).length());
    }
}
