package dev.tollgate.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tollgate.api.Identifier;
import dev.tollgate.api.MetricKey;
import dev.tollgate.api.Violation;

class LinePointsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant T1 = Instant.ofEpochSecond(1_764_151_200L);

    private static final LineProtocolParser PARSER = new LineProtocolParser();

    private static LinePoints points(String body) {
        LinePoints points = PARSER.points(body.getBytes(UTF_8), Precision.SECONDS, NOW);
        assertThat(LinePoints.from(new LineProtocolParser().parse(body.getBytes(UTF_8), Precision.SECONDS, NOW)))
                .as("the same from a new parser").isEqualTo(points);
        return points;
    }

    private static LinePoints valid(String body) {
        LinePoints points = points(body);
        assertThat(points.violations()).as(body).isEmpty();
        assertThat(points.isValid()).isTrue();
        return points;
    }

    private static String problem(String line) {
        LinePoints points = points(line);
        assertThat(points.points()).isEmpty();
        assertThat(points.badLineCount()).isEqualTo(1);
        return points.violations().getFirst().message();
    }

    @Test
    void field_value_is_the_measurement_and_other_fields_are_measurement_dot_field() {
        LinePoints points = valid("http,service=checkout,stage=prod value=3,latency_ms=12.5,errors=1i 1764151200");

        assertThat(points.points()).containsExactly(
                IncomingPoint.fromLine(1, "http", "checkout", null, "prod", T1, 3, Map.of()),
                IncomingPoint.fromLine(1, "http.latency_ms", "checkout", null, "prod", T1, 12.5, Map.of()),
                IncomingPoint.fromLine(1, "http.errors", "checkout", null, "prod", T1, 1, Map.of()));
    }

    @Test
    void service_team_and_stage_place_the_point_and_leave_the_tags_while_other_tags_stay() {
        IncomingPoint point = valid("errors,region=eu-west-1,service=checkout,host=a,stage=gamma value=1")
                .points().getFirst();

        assertThat(point.service()).isEqualTo("checkout");
        assertThat(point.team()).isNull();
        assertThat(point.stage()).isEqualTo("gamma");
        assertThat(point.tags()).containsExactly(Map.entry("region", "eu-west-1"), Map.entry("host", "a"));
        assertThat(point.time()).isEqualTo(NOW);
    }

    @Test
    void env_is_the_stage_when_there_is_no_stage_tag() {
        IncomingPoint point = valid("errors,service=checkout,env=prod value=1").points().getFirst();

        assertThat(point.stage()).isEqualTo("prod");
        assertThat(point.tags()).isEmpty();
    }

    @Test
    void env_stays_an_ordinary_tag_when_a_stage_tag_is_given() {
        IncomingPoint point = valid("errors,service=checkout,stage=gamma,env=staging value=1").points().getFirst();

        assertThat(point.stage()).isEqualTo("gamma");
        assertThat(point.tags()).containsExactly(Map.entry("env", "staging"));
    }

    @Test
    void a_service_point_without_stage_is_service_wide() {
        IncomingPoint point = valid("errors,service=checkout value=1").points().getFirst();

        assertThat(point.stage()).isNull();
    }

    @Test
    void a_team_tag_makes_a_team_level_point_where_env_stays_a_tag() {
        IncomingPoint point = valid("revenue,team=payments,env=prod value=1200.5").points().getFirst();

        assertThat(point.team()).isEqualTo("payments");
        assertThat(point.service()).isNull();
        assertThat(point.stage()).isNull();
        assertThat(point.metric()).isEqualTo("revenue");
        assertThat(point.tags()).containsExactly(Map.entry("env", "prod"));
    }

    @Test
    void refuses_a_stage_tag_on_a_team_level_point() {
        assertThat(problem("revenue,team=payments,stage=prod value=1"))
                .isEqualTo("tag 'stage' is given with tag 'team': a team-level point has no stage");
    }

    @Test
    void refuses_a_point_placed_nowhere_or_twice() {
        assertThat(problem("errors,host=a value=1"))
                .isEqualTo("missing tag 'service' or 'team': a point belongs to a service or to a team");
        assertThat(problem("errors value=1"))
                .isEqualTo("missing tag 'service' or 'team': a point belongs to a service or to a team");
        assertThat(problem("errors,service=checkout,team=payments value=1")).isEqualTo(
                "tags 'service' and 'team' are both given: a point belongs to a service or to a team, not both");
    }

    @ParameterizedTest
    @ValueSource(strings = { "service=Checkout", "service=check\\ out", "team=-payments", "service=a,stage=Prod",
            "service=a,env=prod!" })
    void refuses_placing_tags_that_are_no_identifiers(String tags) {
        assertThat(problem("errors," + tags + " value=1")).contains("' must be " + Identifier.DESCRIPTION);
    }

    @Test
    void names_the_tag_and_value_that_is_no_identifier() {
        assertThat(problem("errors,service=Checkout value=1"))
                .isEqualTo("tag 'service' value 'Checkout' must be " + Identifier.DESCRIPTION);
    }

    @Test
    void refuses_a_measurement_that_is_no_metric_key() {
        assertThat(problem("cpu\\ load,service=a value=1"))
                .isEqualTo("measurement 'cpu load' is no metric key: it must be " + MetricKey.DESCRIPTION);
        assertThat(problem("1cpu,service=a value=1")).startsWith("measurement '1cpu' is no metric key");
    }

    @Test
    void refuses_a_field_whose_metric_would_be_no_metric_key() {
        assertThat(problem("cpu,service=a load\\ avg=1")).isEqualTo("metric 'cpu.load avg' of measurement 'cpu'"
                + " and field 'load avg' is no metric key: it must be " + MetricKey.DESCRIPTION);
    }

    @Test
    void metric_keys_may_hold_dots_colons_and_dashes_and_reach_128_characters() {
        String measurement = "a".repeat(120);
        assertThat(valid("ns:http-server.requests,service=a count=1").points().getFirst().metric())
                .isEqualTo("ns:http-server.requests.count");
        assertThat(valid(measurement + ",service=a field12=1").points().getFirst().metric()).hasSize(128);
        assertThat(problem(measurement + ",service=a field123=1")).startsWith("metric '");
    }

    @Test
    void a_bad_field_spoils_the_whole_line() {
        LinePoints points = points("cpu,service=a value=1,bad\\ name=2\ncpu,service=a value=3");

        assertThat(points.points()).extracting(IncomingPoint::line).containsExactly(2);
        assertThat(points.violations()).extracting(Violation::line).containsExactly(1);
    }

    @Test
    void allows_16_tags_besides_the_placing_ones_and_refuses_17() {
        assertThat(valid("m,service=a,stage=b," + tags(16) + " value=1").points().getFirst().tags()).hasSize(16);
        assertThat(problem("m,service=a," + tags(17) + " value=1"))
                .isEqualTo("has 17 tags besides service, team and stage; at most 16 are allowed");
    }

    @Test
    void allows_tag_keys_of_64_and_values_of_256_characters_and_refuses_longer() {
        valid("m,service=a," + "k".repeat(64) + "=" + "v".repeat(256) + " value=1");
        assertThat(problem("m,service=a," + "k".repeat(65) + "=v value=1"))
                .isEqualTo("tag key '" + "k".repeat(40) + "…' is longer than 64 characters");
        assertThat(problem("m,service=a,k=" + "v".repeat(257) + " value=1"))
                .isEqualTo("tag 'k' has a value longer than 256 characters");
    }

    @Test
    void drops_and_counts_string_fields_and_keeps_the_numbers_of_their_line() {
        LinePoints points = valid("""
                deploy,service=a message="rolled out",value=1
                deploy,service=a message="only text",note="x"
                """);

        assertThat(points.points()).extracting(IncomingPoint::metric, IncomingPoint::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("deploy", 1.0));
        assertThat(points.droppedStringFields()).isEqualTo(3);
    }

    @Test
    void booleans_become_one_and_zero() {
        assertThat(valid("health,service=a up=true,degraded=F").points()).extracting(IncomingPoint::value)
                .containsExactly(1.0, 0.0);
    }

    @Test
    void lists_syntax_and_placing_problems_together_in_line_order() {
        LinePoints points = points("""
                m,service=a value=1
                m,host=x value=1
                m,service=a value=abc
                m,service=A value=1
                m,service=a value=2
                """);

        assertThat(points.violations()).extracting(Violation::line).containsExactly(2, 3, 4);
        assertThat(points.badLineCount()).isEqualTo(3);
        assertThat(points.isValid()).isFalse();
    }

    @Test
    void lists_at_most_100_bad_lines_of_both_kinds_and_counts_them_all() {
        String body = IntStream.rangeClosed(1, 300)
                .mapToObj(i -> switch (i % 3) {
                    case 0 -> "m,service=a value=1";
                    case 1 -> "m,service=a value=x";
                    default -> "m,host=a value=1";
                })
                .collect(Collectors.joining("\n"));

        LinePoints points = points(body);

        assertThat(points.violations()).hasSize(100);
        assertThat(points.violations()).extracting(Violation::line).isSorted().startsWith(1, 2, 4, 5);
        assertThat(points.violations().getLast().line()).isEqualTo(149);
        assertThat(points.badLineCount()).isEqualTo(200);
    }

    @Test
    void lines_of_one_series_share_the_tags_of_their_points() {
        LinePoints points = valid("m,service=a,host=x value=1 1\nm,service=a,host=x value=2 2");

        assertThat(points.points().get(0).tags()).isSameAs(points.points().get(1).tags());
    }

    private static String tags(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "t" + i + "=v").collect(Collectors.joining(","));
    }
}
