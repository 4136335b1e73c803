package dev.tollgate.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tollgate.api.Violation;

class LineProtocolParserTest {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00.123456789Z");
    /** One parser for every test, as the application keeps one: its caches must never change an answer. */
    static final LineProtocolParser PARSER = new LineProtocolParser();

    static ParsedLines parse(String body) {
        return parse(body.getBytes(UTF_8), Precision.NANOSECONDS);
    }

    static ParsedLines parse(byte[] body, Precision precision) {
        return PARSER.parse(body, precision, NOW);
    }

    static ParsedLine line(String text) {
        return line(text, Precision.NANOSECONDS);
    }

    static ParsedLine line(String text, Precision precision) {
        ParsedLines parsed = parse(text.getBytes(UTF_8), precision);
        assertThat(parsed.violations()).as(text).isEmpty();
        assertThat(parsed.lines()).as(text).hasSize(1);
        return parsed.lines().getFirst();
    }

    /** The one violation of a one-line body. */
    static String problem(String text) {
        return problem(text.getBytes(UTF_8));
    }

    static String problem(byte[] body) {
        ParsedLines parsed = parse(body, Precision.NANOSECONDS);
        assertThat(parsed.violations()).as(new String(body, UTF_8)).hasSize(1);
        assertThat(parsed.badLineCount()).isEqualTo(1);
        assertThat(parsed.lines()).isEmpty();
        Violation violation = parsed.violations().getFirst();
        assertThat(violation.line()).isEqualTo(1);
        assertThat(violation.pointer()).isNull();
        assertThat(violation.index()).isNull();
        return violation.message();
    }

    static double number(String text) {
        List<LineField> fields = line("m f=" + text).fields();
        assertThat(fields).hasSize(1);
        assertThat(fields.getFirst()).isInstanceOf(LineField.Numeric.class);
        return ((LineField.Numeric) fields.getFirst()).value();
    }

    static LineField.Numeric numeric(String key, double value) {
        return new LineField.Numeric(key, value);
    }

    static LineField.Text text(String key, String value) {
        return new LineField.Text(key, value);
    }

    @Nested
    class The_references_own_examples {

        @Test
        void reads_the_syntax_example_with_tags_a_string_field_and_a_timestamp() {
            ParsedLine line = line("myMeasurement,tag1=value1,tag2=value2 fieldKey=\"fieldValue\" 1556813561098000000");

            assertThat(line.lineNumber()).isEqualTo(1);
            assertThat(line.measurement()).isEqualTo("myMeasurement");
            assertThat(line.tags()).containsExactly(Map.entry("tag1", "value1"), Map.entry("tag2", "value2"));
            assertThat(line.fields()).containsExactly(text("fieldKey", "fieldValue"));
            assertThat(line.time()).isEqualTo(Instant.parse("2019-05-02T16:12:41.098Z"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                myMeasurement fieldKey=1.0            | 1.0
                myMeasurement fieldKey=1              | 1.0
                myMeasurement fieldKey=-1.234456e+78  | -1.234456e78
                mymeas value=1.e+78                   | 1e78
                mymeas value=1.E+78                   | 1e78
                myMeasurement fieldKey=1i             | 1
                myMeasurement fieldKey=12485903i      | 12485903
                myMeasurement fieldKey=-12485903i     | -12485903
                myMeasurement fieldKey=1u             | 1
                myMeasurement fieldKey=12485903u      | 12485903
                myMeasurement fieldKey=true           | 1
                myMeasurement fieldKey=false          | 0
                myMeasurement fieldKey=t              | 1
                myMeasurement fieldKey=f              | 0
                myMeasurement fieldKey=TRUE           | 1
                myMeasurement fieldKey=FALSE          | 0
                """)
        void reads_the_numeric_and_boolean_examples(String text, double expected) {
            assertThat(line(text).fields()).singleElement()
                    .isInstanceOfSatisfying(LineField.Numeric.class, field -> assertThat(field.value()).isEqualTo(expected));
        }

        @Test
        void reads_a_quoted_true_as_a_string_not_a_boolean() {
            assertThat(line("mymeas value=\"true\"").fields()).containsExactly(text("value", "true"));
            assertThat(line("mymeas value=\"stringing along\"").fields()).containsExactly(text("value", "stringing along"));
        }

        @Test
        void keeps_quotes_around_a_measurement_as_part_of_its_name() {
            assertThat(line("\"mymeas\" value=200").measurement()).isEqualTo("\"mymeas\"");
            assertThat(line("'mymeas','tag'='v' 'f'=1").tags()).containsExactly(Map.entry("'tag'", "'v'"));
        }

        @Test
        void refuses_a_quoted_timestamp() {
            assertThat(problem("mymeas value=9 \"1466625759000000000\""))
                    .isEqualTo("timestamp '\"1466625759000000000\"' is not an integer (Unix time in ns)");
        }

        @Test
        void reads_the_special_characters_example_of_the_1_x_reference() {
            ParsedLine line = line("\"measurement\\ with\\ quo⚡️es\\ and\\ emoji\",tag\\ key\\ with\\ sp🚀ces"
                    + "=tag\\,value\\,with\"commas\" field_k\\ey=\"string field value, only \\\" need be esc🍭ped\"");

            assertThat(line.measurement()).isEqualTo("\"measurement with quo⚡️es and emoji\"");
            assertThat(line.tags()).containsExactly(Map.entry("tag key with sp🚀ces", "tag,value,with\"commas\""));
            assertThat(line.fields()).containsExactly(text("field_k\\ey", "string field value, only \" need be esc🍭ped"));
        }

        @Test
        void reads_the_special_characters_examples_of_the_2_x_reference() {
            ParsedLines parsed = parse("""
                    # Measurement name with spaces
                    my\\ Measurement fieldKey="string value"

                    # Double quotes in a string field value
                    myMeasurement fieldKey="\\"string\\" within a string"

                    # Tag keys and values with spaces
                    myMeasurement,tag\\ Key1=tag\\ Value1,tag\\ Key2=tag\\ Value2 fieldKey=100

                    # Emojis
                    myMeasurement,tagKey=🍭 fieldKey="Launch 🚀" 1556813561098000000
                    """);

            assertThat(parsed.violations()).isEmpty();
            assertThat(parsed.lines()).extracting(ParsedLine::lineNumber).containsExactly(2, 5, 8, 11);
            assertThat(parsed.lines().get(0).measurement()).isEqualTo("my Measurement");
            assertThat(parsed.lines().get(1).fields()).containsExactly(text("fieldKey", "\"string\" within a string"));
            assertThat(parsed.lines().get(2).tags())
                    .containsExactly(Map.entry("tag Key1", "tag Value1"), Map.entry("tag Key2", "tag Value2"));
            assertThat(parsed.lines().get(2).fields()).containsExactly(numeric("fieldKey", 100));
            assertThat(parsed.lines().get(3).tags()).containsExactly(Map.entry("tagKey", "🍭"));
            assertThat(parsed.lines().get(3).fields()).containsExactly(text("fieldKey", "Launch 🚀"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                \\           | \\
                \\\\         | \\
                \\\\\\       | \\\\
                \\\\\\\\     | \\\\
                \\\\\\\\\\   | \\\\\\
                \\\\\\\\\\\\ | \\\\\\
                """)
        void reads_backslashes_in_a_string_as_the_reference_table_says(String written, String meant) {
            assertThat(line("m s=\"a" + written + "b\"").fields()).containsExactly(text("s", "a" + meant + "b"));
        }

        @Test
        void skips_the_comment_example() {
            ParsedLines parsed = parse("# This is a comment\nmyMeasurement fieldKey=\"string value\" 1556813561098000000");

            assertThat(parsed.violations()).isEmpty();
            assertThat(parsed.lines()).singleElement().extracting(ParsedLine::lineNumber).isEqualTo(2);
        }
    }

    @Nested
    class Escaping {

        @Test
        void a_measurement_escapes_commas_and_spaces() {
            assertThat(line("cpu\\,load\\ avg value=1").measurement()).isEqualTo("cpu,load avg");
        }

        @Test
        void a_measurement_may_hold_an_equals_sign_and_keeps_a_backslash_before_it() {
            assertThat(line("a=b value=1").measurement()).isEqualTo("a=b");
            assertThat(line("a\\=b value=1").measurement()).isEqualTo("a\\=b");
        }

        @Test
        void tag_keys_and_values_escape_commas_equals_signs_and_spaces() {
            assertThat(line("m,k\\,1\\=\\ x=v\\,1\\=\\ y value=1").tags()).containsExactly(Map.entry("k,1= x", "v,1= y"));
        }

        @Test
        void field_keys_escape_commas_equals_signs_and_spaces() {
            assertThat(line("m f\\,1\\=\\ x=1").fields()).containsExactly(numeric("f,1= x", 1));
        }

        @Test
        void a_backslash_before_any_other_character_is_kept() {
            ParsedLine line = line("m\\x,path=C:\\Windows\\system32 f\\\"=1,s=\"a\\b\\nc\"");

            assertThat(line.measurement()).isEqualTo("m\\x");
            assertThat(line.tags()).containsExactly(Map.entry("path", "C:\\Windows\\system32"));
            assertThat(line.fields()).containsExactly(numeric("f\\\"", 1), text("s", "a\\b\\nc"));
        }

        @Test
        void a_backslash_before_a_backslash_is_kept_and_the_escape_after_it_still_counts() {
            // What InfluxDB's encoders write for the tag value a\,b: they escape the comma, not the backslash.
            assertThat(line("m,k=a\\\\,b value=1").tags()).containsExactly(Map.entry("k", "a\\,b"));
            assertThat(line("m\\\\ x value=1").measurement()).isEqualTo("m\\ x");
        }

        @Test
        void a_string_field_escapes_double_quotes_and_backslashes_and_needs_no_other_escape() {
            assertThat(line("m s=\"a\\\"b\\\\c, d=e\"").fields()).containsExactly(text("s", "a\"b\\c, d=e"));
            assertThat(line("m s=\"\"").fields()).containsExactly(text("s", ""));
            assertThat(line("m s=\"ends with a backslash\\\\\"").fields())
                    .containsExactly(text("s", "ends with a backslash\\"));
        }
    }

    @Nested
    class Field_types {

        @Test
        void integers_span_the_signed_64_bit_range() {
            assertThat(number("9223372036854775807i")).isEqualTo(9.223372036854775807E18);
            assertThat(number("-9223372036854775808i")).isEqualTo(-9.223372036854775808E18);
            assertThat(number("0i")).isEqualTo(0.0);
            assertThat(number("-0i")).isEqualTo(0.0);
            assertThat(number("007i")).isEqualTo(7.0);
        }

        @ParameterizedTest
        @ValueSource(strings = { "9223372036854775808i", "-9223372036854775809i", "99999999999999999999999i" })
        void refuses_integers_beyond_the_signed_64_bit_range(String value) {
            assertThat(problem("m f=" + value)).isEqualTo("field 'f' value '" + value
                    + "' is out of range: an integer (i) is from -9223372036854775808 to 9223372036854775807");
        }

        @Test
        void unsigned_integers_span_zero_to_two_to_the_64_minus_one() {
            assertThat(number("18446744073709551615u")).isEqualTo(1.8446744073709552E19);
            assertThat(number("9223372036854775808u")).isEqualTo(9.223372036854775808E18);
            assertThat(number("0u")).isEqualTo(0.0);
        }

        @ParameterizedTest
        @ValueSource(strings = { "18446744073709551616u", "-1u", "99999999999999999999999u" })
        void refuses_unsigned_integers_beyond_their_range(String value) {
            assertThat(problem("m f=" + value)).isEqualTo("field 'f' value '" + value
                    + "' is out of range: an unsigned integer (u) is from 0 to 18446744073709551615");
        }

        @ParameterizedTest
        @CsvSource({ "1e308, 1e308", "-1e308, -1e308", "1.7976931348623157e308, 1.7976931348623157e308",
                "4.9e-324, 4.9e-324", "1e-400, 0", "0.1, 0.1", ".5, 0.5", "5., 5", "1E5, 100000", "1e+5, 100000",
                "1e-5, 0.00001", "007.50, 7.5", "123456789012345678901234567890, 1.2345678901234568e29",
                "0.30000000000000004, 0.30000000000000004", "9007199254740993, 9007199254740992",
                "12.642857142857142, 12.642857142857142", "9007199254740995, 9007199254740996",
                "18446744073709551615, 1.8446744073709552e19", "9.999999999999999e22, 9.999999999999999e22",
                "1e23, 1e23", "7.2057594037927933e16, 7.2057594037927933e16", "8.98846567431158e307, 8.98846567431158e307",
                "2.2250738585072011e-308, 2.2250738585072011e-308", "4.9406564584124654e-324, 4.9e-324",
                "2.5e-324, 4.9e-324", "2.4e-324, 0", "1.7976931348623158e308, 1.7976931348623157e308",
                "1.00000000000000011102230246251565404236316680908203125, 1",
                "1.00000000000000011102230246251565404236316680908203126, 1.0000000000000002" })
        void floats_are_read_exactly_as_java_reads_them_including_scientific_notation(String text, double expected) {
            assertThat(number(text)).isEqualTo(expected).isEqualTo(Double.parseDouble(text));
        }

        @Test
        void negative_zero_keeps_its_sign() {
            assertThat(number("-0.0")).isEqualTo(-0.0);
            assertThat(number("-0")).isEqualTo(-0.0);
            assertThat(number("0.0")).isEqualTo(0.0);
        }

        @ParameterizedTest
        @ValueSource(strings = { "1e309", "-1e309", "1.8e308", "1e99999999999" })
        void refuses_floats_beyond_the_range_of_a_double(String value) {
            assertThat(problem("m f=" + value))
                    .isEqualTo("field 'f' value '" + value + "' is out of range: beyond the range of a 64-bit float");
        }

        @ParameterizedTest
        @ValueSource(strings = { "NaN", "nan", "Inf", "-Inf", "+Inf", "inf", "Infinity", "-infinity" })
        void refuses_nan_and_infinities_because_tollgate_stores_finite_numbers(String value) {
            assertThat(problem("m f=" + value)).isEqualTo(
                    "field 'f' value '" + value + "' is not a finite number; Tollgate stores finite numbers only");
        }

        @ParameterizedTest
        @ValueSource(strings = { "abc", "1.2.3", "1e", "e5", "+1", "0x10", "1_000", "--1", "-", ".", "1e5.5", "1.5i",
                "1e3i", "-i", "i", "u", "1.5u", "+1u", "tRUE", "yes", "tr", "falsey", "abc\"", "1ee5" })
        void refuses_what_is_not_a_number_a_quoted_string_or_a_boolean(String value) {
            assertThat(problem("m f=" + value))
                    .isEqualTo("field 'f' value '" + value + "' is not a number, a quoted string or a boolean");
        }

        @ParameterizedTest
        @CsvSource({ "t, 1", "T, 1", "true, 1", "True, 1", "TRUE, 1", "f, 0", "F, 0", "false, 0", "False, 0",
                "FALSE, 0" })
        void booleans_are_one_and_zero_in_every_spelling_of_the_reference(String value, double expected) {
            assertThat(number(value)).isEqualTo(expected);
        }

        @Test
        void keeps_string_fields_apart_so_they_can_be_dropped_and_counted() {
            ParsedLine line = line("m a=1,s=\"x\",b=2i,t=\"y\"");

            assertThat(line.fields()).containsExactly(numeric("a", 1), text("s", "x"), numeric("b", 2), text("t", "y"));
            assertThat(line.stringFieldCount()).isEqualTo(2);
        }
    }

    @Nested
    class Timestamps {

        @ParameterizedTest
        @CsvSource({ "ns, 1, 1970-01-01T00:00:00.000000001Z", "n, 1, 1970-01-01T00:00:00.000000001Z",
                "us, 1, 1970-01-01T00:00:00.000001Z", "u, 1, 1970-01-01T00:00:00.000001Z",
                "ms, 1, 1970-01-01T00:00:00.001Z", "s, 1, 1970-01-01T00:00:01Z", "m, 1, 1970-01-01T00:01:00Z",
                "h, 1, 1970-01-01T01:00:00Z", "s, 1764151200, 2025-11-26T10:00:00Z",
                "ms, 1764151200123, 2025-11-26T10:00:00.123Z" })
        void reads_a_timestamp_in_every_precision(String precisionName, long timestamp, Instant expected) {
            Precision precision = Precision.named(precisionName).orElseThrow();

            assertThat(line("m v=1 " + timestamp, precision).time()).isEqualTo(expected);
        }

        @ParameterizedTest
        @CsvSource({ "ns, 2026-11-26T10:00:00.123456789Z", "us, 2026-11-26T10:00:00.123456Z",
                "ms, 2026-11-26T10:00:00.123Z", "s, 2026-11-26T10:00:00Z", "m, 2026-11-26T10:00:00Z",
                "h, 2026-11-26T10:00:00Z" })
        void gives_a_line_without_timestamp_the_default_time_truncated_to_the_precision(String precisionName,
                Instant expected) {
            Precision precision = Precision.named(precisionName).orElseThrow();

            assertThat(line("m v=1", precision).time()).isEqualTo(expected);
            assertThat(PARSER.parse("m v=1".getBytes(UTF_8), precision, Instant.parse("2026-11-26T10:59:59.999999999Z"))
                    .lines().getFirst().time()).isEqualTo(Instant.parse("2026-11-26T10:59:59.999999999Z")
                            .truncatedTo(precisionUnit(precisionName)));
        }

        private static java.time.temporal.ChronoUnit precisionUnit(String name) {
            return switch (name) {
                case "ns" -> java.time.temporal.ChronoUnit.NANOS;
                case "us" -> java.time.temporal.ChronoUnit.MICROS;
                case "ms" -> java.time.temporal.ChronoUnit.MILLIS;
                case "s" -> java.time.temporal.ChronoUnit.SECONDS;
                case "m" -> java.time.temporal.ChronoUnit.MINUTES;
                default -> java.time.temporal.ChronoUnit.HOURS;
            };
        }

        @Test
        void names_precisions_as_influxdb_does_and_nothing_else() {
            assertThat(Precision.named(null)).contains(Precision.NANOSECONDS);
            assertThat(Precision.named("")).contains(Precision.NANOSECONDS);
            assertThat(Precision.named("ns")).contains(Precision.NANOSECONDS);
            assertThat(Precision.named("us")).contains(Precision.MICROSECONDS);
            assertThat(Precision.named("u")).contains(Precision.MICROSECONDS);
            assertThat(Precision.named("ms")).contains(Precision.MILLISECONDS);
            assertThat(Precision.named("s")).contains(Precision.SECONDS);
            assertThat(Precision.named("m")).contains(Precision.MINUTES);
            assertThat(Precision.named("h")).contains(Precision.HOURS);
            assertThat(Precision.named("S")).isEmpty();
            assertThat(Precision.named("sec")).isEmpty();
            assertThat(Precision.named("µs")).isEmpty();
            assertThat(Precision.MINUTES.onlyInInfluxDb1()).isTrue();
            assertThat(Precision.HOURS.onlyInInfluxDb1()).isTrue();
            assertThat(Precision.SECONDS.onlyInInfluxDb1()).isFalse();
        }

        @Test
        void accepts_negative_timestamps_down_to_the_references_minimum() {
            assertThat(line("m v=1 -1").time()).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999999Z"));
            assertThat(line("m v=1 -9223372036854775806").time()).isEqualTo(Instant.parse("1677-09-21T00:12:43.145224194Z"));
            assertThat(line("m v=1 9223372036854775806").time()).isEqualTo(Instant.parse("2262-04-11T23:47:16.854775806Z"));
            assertThat(line("m v=1 -1", Precision.SECONDS).time()).isEqualTo(Instant.parse("1969-12-31T23:59:59Z"));
        }

        @ParameterizedTest
        @CsvSource({ "ns, 9223372036854775807, -9223372036854775806, 9223372036854775806",
                "ns, -9223372036854775807, -9223372036854775806, 9223372036854775806",
                "ns, -9223372036854775808, -9223372036854775806, 9223372036854775806",
                "ns, 9223372036854775808, -9223372036854775806, 9223372036854775806",
                "ns, 99999999999999999999999, -9223372036854775806, 9223372036854775806",
                "s, 9223372037, -9223372036, 9223372036", "s, -9223372037, -9223372036, 9223372036",
                "h, 2562048, -2562047, 2562047" })
        void refuses_timestamps_outside_the_references_range(String precisionName, String timestamp, long min, long max) {
            ParsedLines parsed = parse(("m v=1 " + timestamp).getBytes(UTF_8), Precision.named(precisionName).orElseThrow());

            assertThat(parsed.violations()).singleElement().extracting(Violation::message).isEqualTo("timestamp '"
                    + timestamp + "' is out of range: in precision " + precisionName + " it is from " + min + " to " + max);
        }

        @ParameterizedTest
        @ValueSource(strings = { "1.5", "abc", "1e9", "+1", "-", "12a", "0x10", "١٢" })
        void refuses_a_timestamp_that_is_not_an_integer(String timestamp) {
            assertThat(problem("m v=1 " + timestamp))
                    .isEqualTo("timestamp '" + timestamp + "' is not an integer (Unix time in ns)");
        }

        @Test
        void refuses_trailing_garbage_after_the_timestamp() {
            assertThat(problem("m v=1 123 456")).isEqualTo("unexpected '456' after the timestamp");
            assertThat(problem("m v=1 123 abc def")).isEqualTo("unexpected 'abc def' after the timestamp");
            assertThat(problem("m v=1 # not a comment")).isEqualTo("timestamp '#' is not an integer (Unix time in ns)");
        }
    }

    @Nested
    class Lines {

        @Test
        void skips_comments_and_blank_lines_but_counts_them() {
            ParsedLines parsed = parse("# header\n\n   \n\t\n  # indented comment\nm v=1\n#m v=2\nm v=3");

            assertThat(parsed.violations()).isEmpty();
            assertThat(parsed.lines()).extracting(ParsedLine::lineNumber).containsExactly(6, 8);
        }

        @Test
        void reads_crlf_line_endings_and_trailing_and_leading_white_space() {
            ParsedLines parsed = parse("m v=1 1\r\n  m v=2 2 \t \r\nm v=3\t\r\n\r\nm s=\"x\"  \r\n");

            assertThat(parsed.violations()).isEmpty();
            assertThat(parsed.lines()).extracting(ParsedLine::lineNumber).containsExactly(1, 2, 3, 5);
            assertThat(parsed.lines()).extracting(ParsedLine::time)
                    .containsExactly(Instant.ofEpochSecond(0, 1), Instant.ofEpochSecond(0, 2), NOW, NOW);
            assertThat(parsed.lines().get(3).fields()).containsExactly(text("s", "x"));
        }

        @Test
        void accepts_several_spaces_between_the_sections() {
            ParsedLine line = line("m,t=a   v=1,w=2    3");

            assertThat(line.fields()).containsExactly(numeric("v", 1), numeric("w", 2));
            assertThat(line.time()).isEqualTo(Instant.ofEpochSecond(0, 3));
        }

        @Test
        void reads_an_empty_body_and_a_body_of_comments_as_no_lines() {
            assertThat(parse("")).isEqualTo(new ParsedLines(List.of(), List.of(), 0));
            assertThat(parse("\n\n# nothing\n")).isEqualTo(new ParsedLines(List.of(), List.of(), 0));
        }

        @Test
        void lines_of_one_series_share_their_tags() {
            ParsedLines parsed = parse("m,host=a v=1 1\nm,host=a v=2 2\n");

            assertThat(parsed.lines().get(0).tags()).isSameAs(parsed.lines().get(1).tags());
        }

        @Test
        void a_series_too_long_to_cache_is_read_all_the_same() {
            String value = "v".repeat(2000);
            ParsedLines parsed = parse("m,host=" + value + " f=1 1\nm,host=" + value + " f=2 2\n");

            assertThat(parsed.lines()).extracting(ParsedLine::tags).containsOnly(Map.of("host", value));
            assertThat(parsed.lines()).extracting(line -> line.fields().getFirst()).containsExactly(numeric("f", 1), numeric("f", 2));
        }

        @Test
        void the_tags_and_fields_of_a_line_cannot_be_changed() {
            ParsedLine line = line("m,host=a v=1");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> line.tags().put("x", "y"))
                    .isInstanceOf(UnsupportedOperationException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> line.fields().clear())
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Bad_lines {

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                cpu                      | missing field set: a line needs at least one field after the measurement and tags
                cpu,host=a               | missing field set: a line needs at least one field after the measurement and tags
                `cpu,host=a  `           | missing field set: a line needs at least one field after the measurement and tags
                ,host=a v=1              | missing measurement: the line starts with ','
                cpu,host v=1             | tag 'host' is missing '=' and a value
                cpu,host= v=1            | tag 'host' has an empty value; leave the tag out instead
                cpu,=a v=1               | missing tag key before '='
                `cpu, v=1`               | missing tag key after ','
                `cpu,,a=b v=1`           | missing tag key after ','
                cpu,a=b,a=c v=1          | tag 'a' appears twice
                cpu,a=b=c v=1            | tag 'a' has an unescaped '=' in its value; write it as '\\='
                cpu v                    | field 'v' is missing '=' and a value
                cpu v=                   | field 'v' has no value
                `cpu v= 1`               | field 'v' has no value
                `cpu v=,w=1`             | field 'v' has no value
                cpu =1                   | missing field key before '='
                `cpu v=1,`               | missing field after ','
                `cpu v=1, w=2`           | missing field after ','
                `cpu v=1,,w=2`           | missing field key after ','
                `cpu ,v=1`               | missing field key: the field set starts with ','
                cpu v=1,v=2              | field 'v' appears twice
                cpu v=1,v="x"            | field 'v' appears twice
                cpu a=1,b=2,c=3,d=4,e=5,f=6,g=7,h=8,i=9,j=10,c=11 | field 'c' appears twice
                cpu v="abc               | field 'v' has a string value without its closing '"'
                cpu v="abc\\"            | field 'v' has a string value without its closing '"'
                cpu v="a" 1,w="b         | timestamp '1,w=\"b' is not an integer (Unix time in ns)
                cpu v="a"b               | unexpected 'b' after the value of field 'v'
                cpu v="a""b"             | unexpected '\"b\"' after the value of field 'v'
                cpu v="a" "b"            | timestamp '\"b\"' is not an integer (Unix time in ns)
                cpu v=1 1 2              | unexpected '2' after the timestamp
                """)
        void says_what_is_missing_or_wrong(String text, String message) {
            assertThat(problem(text)).isEqualTo(message);
        }

        @Test
        void refuses_control_characters_in_names_and_quotes_them_readably() {
            assertThat(problem("cp\u0001u v=1")).isEqualTo("measurement contains the control character U+0001");
            assertThat(problem("cpu,h\u0000=a v=1")).isEqualTo("tag key contains the control character U+0000");
            assertThat(problem("cpu,h=a\tb v=1")).isEqualTo("tag value contains the control character U+0009");
            assertThat(problem("cpu v\u007F=1")).isEqualTo("field key contains the control character U+007F");
            assertThat(problem("cpu v=1\u0002")).isEqualTo("field 'v' value '1\\u0002' is not a number, a quoted string or a boolean");
        }

        @Test
        void cuts_long_text_in_messages() {
            String message = problem("cpu v=" + "x".repeat(500));

            assertThat(message).isEqualTo("field 'v' value '" + "x".repeat(40) + "…' is not a number, a quoted string or a boolean");
        }

        @Test
        void an_unclosed_quote_spoils_its_line_only() {
            ParsedLines parsed = parse("m s=\"abc\nm v=1\nm s=\"x\"");

            assertThat(parsed.violations()).extracting(Violation::line).containsExactly(1);
            assertThat(parsed.lines()).extracting(ParsedLine::lineNumber).containsExactly(2, 3);
        }

        @Test
        void names_the_right_line_numbers_counting_comments_blank_lines_and_crlf() {
            ParsedLines parsed = parse("# comment\r\nm v=1\r\nm v=abc\r\n\r\nm v=2\r\nm\r\nm v=3");

            assertThat(parsed.violations()).containsExactly(
                    Violation.atLine(3, "field 'v' value 'abc' is not a number, a quoted string or a boolean"),
                    Violation.atLine(6, "missing field set: a line needs at least one field after the measurement and tags"));
            assertThat(parsed.badLineCount()).isEqualTo(2);
            assertThat(parsed.isValid()).isFalse();
            assertThat(parsed.lines()).extracting(ParsedLine::lineNumber).containsExactly(2, 5, 7);
        }

        @Test
        void lists_at_most_100_bad_lines_and_counts_them_all() {
            StringBuilder body = new StringBuilder();
            for (int i = 1; i <= 250; i++) {
                body.append(i % 2 == 0 ? "m v=1\n" : "m v=x\n");
            }

            ParsedLines parsed = parse(body.toString());

            assertThat(parsed.violations()).hasSize(100);
            assertThat(parsed.violations().getFirst().line()).isEqualTo(1);
            assertThat(parsed.violations().getLast().line()).isEqualTo(199);
            assertThat(parsed.badLineCount()).isEqualTo(125);
            assertThat(parsed.lines()).hasSize(125);
        }

        @Test
        void reports_one_problem_per_line() {
            assertThat(parse("cpu,a= v=x 1.5 garbage").violations()).singleElement()
                    .extracting(Violation::message).isEqualTo("tag 'a' has an empty value; leave the tag out instead");
        }
    }

    @Nested
    class Utf8 {

        @Test
        void reads_multi_byte_characters_in_every_part() {
            ParsedLine line = line("mésure,hôte=été🚀 chaîne=\"ünïcödé ✓\",zahl=1");

            assertThat(line.measurement()).isEqualTo("mésure");
            assertThat(line.tags()).containsExactly(Map.entry("hôte", "été🚀"));
            assertThat(line.fields()).containsExactly(text("chaîne", "ünïcödé ✓"), numeric("zahl", 1));
        }

        @Test
        void refuses_a_line_with_invalid_utf_8_naming_the_byte_and_column() {
            assertThat(problem(bytes("m", 0xC3, 0x28, " v=1"))).isEqualTo("is not valid UTF-8: byte 0xC3 at column 2");
            assertThat(problem(bytes("m,t=", 0xC0, 0xAF, " v=1"))).isEqualTo("is not valid UTF-8: byte 0xC0 at column 5");
            assertThat(problem(bytes("m s=\"", 0xED, 0xA0, 0x80, "\""))).isEqualTo("is not valid UTF-8: byte 0xED at column 6");
            assertThat(problem(bytes("m v=1 ", 0xE2, 0x82))).isEqualTo("is not valid UTF-8: byte 0xE2 at column 7");
            assertThat(problem(bytes("m", 0xF5, 0x80, 0x80, 0x80, " v=1"))).isEqualTo("is not valid UTF-8: byte 0xF5 at column 2");
            assertThat(problem(bytes("m", 0xF4, 0x90, 0x80, 0x80, " v=1"))).isEqualTo("is not valid UTF-8: byte 0xF4 at column 2");
            assertThat(problem(bytes("m", 0xFF, " v=1"))).isEqualTo("is not valid UTF-8: byte 0xFF at column 2");
            assertThat(problem(bytes("m", 0x80, " v=1"))).isEqualTo("is not valid UTF-8: byte 0x80 at column 2");
        }

        @Test
        void refuses_invalid_utf_8_in_a_comment_too_and_goes_on_with_the_next_line() {
            ParsedLines parsed = parse(bytes("m v=1\n# caf", 0xE9, "\nm v=2\n"), Precision.NANOSECONDS);

            assertThat(parsed.violations()).containsExactly(Violation.atLine(2, "is not valid UTF-8: byte 0xE9 at column 6"));
            assertThat(parsed.lines()).extracting(ParsedLine::lineNumber).containsExactly(1, 3);
        }

        /** Text and single bytes, in order. */
        static byte[] bytes(Object... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Object part : parts) {
                if (part instanceof String text) {
                    out.writeBytes(text.getBytes(UTF_8));
                } else {
                    out.write((Integer) part);
                }
            }
            return out.toByteArray();
        }
    }
}
