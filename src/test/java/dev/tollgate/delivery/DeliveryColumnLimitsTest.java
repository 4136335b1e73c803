package dev.tollgate.delivery;

import static dev.tollgate.db.Tables.DEPLOYMENT;
import static dev.tollgate.db.Tables.DEPLOYMENT_STATUS;
import static dev.tollgate.db.Tables.TEST_RUN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.jooq.Field;
import org.junit.jupiter.api.Test;

import dev.tollgate.api.Identifier;

/** DESIGN.md: one constant per limit, used by the DDL and the validation alike (V003 against this package). */
class DeliveryColumnLimitsTest {

    private static int length(Field<?> column) {
        return column.getDataType().length();
    }

    @Test
    void identifier_columns_hold_exactly_an_identifier() {
        assertThat(new Field<?>[] { DEPLOYMENT.SERVICE_ID, DEPLOYMENT.STAGE, TEST_RUN.SERVICE_ID, TEST_RUN.STAGE })
                .allSatisfy(column -> assertThat(length(column)).as(column.getQualifiedName().toString())
                        .isEqualTo(Identifier.MAX_LENGTH));
    }

    @Test
    void version_suite_and_key_columns_match_their_formats() {
        assertThat(length(DEPLOYMENT.VERSION)).isEqualTo(Version.MAX_LENGTH);
        assertThat(length(TEST_RUN.VERSION)).isEqualTo(Version.MAX_LENGTH);
        assertThat(length(TEST_RUN.SUITE)).isEqualTo(SuiteName.MAX_LENGTH);
        assertThat(length(DEPLOYMENT.ID)).isEqualTo(DeploymentKey.MAX_LENGTH);
        assertThat(length(DEPLOYMENT_STATUS.DEPLOYMENT_ID)).isEqualTo(DeploymentKey.MAX_LENGTH);
        assertThat(DeploymentKey.MAX_LENGTH).as("a generated id is a UUID").isGreaterThanOrEqualTo(36);
    }

    @Test
    void deployment_details_match_the_report_limits_and_hold_every_status() {
        assertThat(length(DEPLOYMENT.COMMIT_ID)).isEqualTo(DeploymentReport.MAX_COMMIT_LENGTH);
        assertThat(length(DEPLOYMENT.PIPELINE_RUN)).isEqualTo(DeploymentReport.MAX_PIPELINE_RUN_LENGTH);
        int longestStatus = Arrays.stream(DeploymentStatus.values()).mapToInt(status -> status.name().length()).max()
                .orElseThrow();
        assertThat(length(DEPLOYMENT.STATUS)).isGreaterThanOrEqualTo(longestStatus);
        assertThat(length(DEPLOYMENT_STATUS.STATUS)).isGreaterThanOrEqualTo(longestStatus);
    }
}
