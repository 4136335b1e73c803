package dev.tollgate.architecture;

import static dev.tollgate.db.Tables.API_TOKEN;
import static dev.tollgate.db.Tables.APP_USER;
import static dev.tollgate.db.Tables.APP_USER_TEAM;
import static dev.tollgate.db.Tables.AUDIT_EVENT;
import static dev.tollgate.db.Tables.METRIC_DEFINITION;
import static dev.tollgate.db.Tables.SERVICE;
import static dev.tollgate.db.Tables.SERVICE_STAGE;
import static dev.tollgate.db.Tables.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jooq.Field;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import dev.tollgate.api.Identifier;
import dev.tollgate.api.MetricKey;
import dev.tollgate.catalog.Aggregation;
import dev.tollgate.catalog.Better;
import dev.tollgate.catalog.MetricCategory;
import dev.tollgate.catalog.MetricDefinition;
import dev.tollgate.catalog.ServiceDefinition;
import dev.tollgate.catalog.Team;
import dev.tollgate.security.ApiTokens;
import dev.tollgate.security.Role;
import dev.tollgate.security.Scope;
import dev.tollgate.security.UserAccounts;

/**
 * DESIGN.md: one constant per limit, used by the DDL and the validation alike. The generated jOOQ
 * classes carry the column lengths of db/migration, so a migration and a constant that drift
 * apart fail here instead of as a database error on a valid request.
 */
class ColumnLimitsTest {

    private static int length(Field<?> column) {
        return column.getDataType().length();
    }

    @Test
    void identifier_columns_hold_exactly_an_identifier() {
        assertThat(new Field<?>[] { TEAM.ID, SERVICE.ID, SERVICE.TEAM_ID, SERVICE_STAGE.SERVICE_ID, SERVICE_STAGE.STAGE,
                API_TOKEN.TEAM_ID, APP_USER.USERNAME, APP_USER_TEAM.USERNAME, APP_USER_TEAM.TEAM_ID })
                .allSatisfy(column -> assertThat(length(column)).as(column.getQualifiedName().toString())
                        .isEqualTo(Identifier.MAX_LENGTH));
    }

    @Test
    void metric_definition_ids_hold_exactly_a_metric_key() {
        assertThat(length(METRIC_DEFINITION.ID)).isEqualTo(MetricKey.MAX_LENGTH);
    }

    @Test
    void team_columns_match_the_team_limits() {
        assertThat(length(TEAM.NAME)).isEqualTo(Team.MAX_NAME_LENGTH);
        assertThat(length(TEAM.DESCRIPTION)).isEqualTo(Team.MAX_DESCRIPTION_LENGTH);
    }

    @Test
    void service_columns_match_the_service_limits() {
        assertThat(length(SERVICE.NAME)).isEqualTo(ServiceDefinition.MAX_NAME_LENGTH);
    }

    @Test
    void metric_definition_columns_match_the_limits_and_hold_every_enum_value() {
        assertThat(length(METRIC_DEFINITION.UNIT)).isEqualTo(MetricDefinition.MAX_UNIT_LENGTH);
        assertThat(length(METRIC_DEFINITION.DESCRIPTION)).isEqualTo(MetricDefinition.MAX_DESCRIPTION_LENGTH);
        assertThat(length(METRIC_DEFINITION.CATEGORY)).isGreaterThanOrEqualTo(longest(MetricCategory.values()));
        assertThat(length(METRIC_DEFINITION.BETTER)).isGreaterThanOrEqualTo(longest(Better.values()));
        assertThat(Arrays.stream(Aggregation.values()).mapToInt(a -> a.wireName().length()).max().orElseThrow())
                .isLessThanOrEqualTo(length(METRIC_DEFINITION.AGGREGATION));
    }

    @Test
    void token_columns_match_the_token_limits() {
        assertThat(length(API_TOKEN.NAME)).isEqualTo(ApiTokens.MAX_NAME_LENGTH);
        assertThat(length(API_TOKEN.ID)).isEqualTo(UUID.randomUUID().toString().length());
        // A hex SHA-256.
        assertThat(length(API_TOKEN.TOKEN_HASH)).isEqualTo(64);
        String allScopes = Arrays.stream(Scope.values()).map(Scope::wireName).collect(Collectors.joining(" "));
        assertThat(length(API_TOKEN.SCOPES)).isGreaterThanOrEqualTo(allScopes.length());
    }

    @Test
    void actor_columns_hold_the_longest_actor_name() {
        // ApiTokens.callerOf: "token:<name> (<id>)"; a UI user is "user:<username>".
        int longestTokenActor = "token:".length() + ApiTokens.MAX_NAME_LENGTH + " ()".length() + length(API_TOKEN.ID);
        int longestUserActor = "user:".length() + Identifier.MAX_LENGTH;
        int longestActor = Math.max(longestTokenActor, longestUserActor);

        assertThat(length(API_TOKEN.CREATED_BY)).isGreaterThanOrEqualTo(longestActor);
        assertThat(length(AUDIT_EVENT.ACTOR)).isGreaterThanOrEqualTo(longestActor);
    }

    @Test
    void audit_targets_hold_every_kind_of_identifier() {
        assertThat(length(AUDIT_EVENT.TARGET_ID)).isGreaterThanOrEqualTo(
                Math.max(Math.max(Identifier.MAX_LENGTH, MetricKey.MAX_LENGTH), length(API_TOKEN.ID)));
    }

    @Test
    void user_columns_match_the_user_limits() {
        assertThat(length(APP_USER.DISPLAY_NAME)).isEqualTo(UserAccounts.MAX_DISPLAY_NAME_LENGTH);
        assertThat(length(APP_USER.ROLE)).isGreaterThanOrEqualTo(longest(Role.values()));
    }

    @Test
    void the_longest_password_allowed_is_one_bcrypt_hashes_into_the_column() {
        String longestHash = PasswordEncoderFactories.createDelegatingPasswordEncoder()
                .encode("p".repeat(UserAccounts.MAX_PASSWORD_LENGTH));

        assertThat(length(APP_USER.PASSWORD_HASH)).isGreaterThanOrEqualTo(longestHash.length());
    }

    private static int longest(Enum<?>[] values) {
        return Arrays.stream(values).mapToInt(value -> value.name().length()).max().orElseThrow();
    }
}
