package dev.tollgate.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.tollgate.api.Violation;
import dev.tollgate.api.Violations;
import dev.tollgate.testing.SeededCases;

/**
 * Properties of the parser over many random cases (see {@link SeededCases}): what a writer
 * writes is read back exactly, bad lines are named by number, and no bytes at all make it throw.
 */
class LineProtocolParserPropertiesTest {

    /** {@code -Dlineprotocol.cases=N} and {@code -Dlineprotocol.seed=N}. */
    private static final SeededCases CASES = SeededCases.named("lineprotocol", 10_000);
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00.123456789Z");
    /** Shared by every case, as the application shares one: its caches must never change an answer. */
    private static final LineProtocolParser PARSER = new LineProtocolParser();

    /** Bytes that steer random input into every corner of the syntax: separators, escapes, numbers, broken UTF-8. */
    private static final int[] INTERESTING_BYTES = { 'a', 'm', 'v', '0', '1', '9', '-', '+', '.', 'e', 'E', 'i', 'u', 't',
            'f', 'T', 'F', 'N', '"', '\\', ',', '=', ' ', ' ', '\t', '\r', '\n', '\n', '#', 0x00, 0x7F, 0xC3, 0xA9, 0xE2,
            0x82, 0xAC, 0xF0, 0x9F, 0x9A, 0x80, 0xED, 0xA0, 0xC0, 0xFF };

    @Test
    void every_valid_body_reads_back_as_the_lines_it_was_written_from() {
        CASES.forEach(random -> {
            Precision precision = RandomLines.anyPrecision(random);
            RandomLines.Body body = new RandomLines(random, precision, NOW).body(6);

            ParsedLines parsed = PARSER.parse(body.bytes(), precision, NOW);

            assertThat(parsed.violations()).as(body.text()).isEmpty();
            assertThat(parsed.lines()).as(body.text()).isEqualTo(body.lines());
        });
    }

    @Test
    void floats_read_as_java_reads_them_to_the_last_bit() {
        CASES.forEach(random -> {
            RandomLines lines = new RandomLines(random, Precision.NANOSECONDS, NOW);
            for (int i = 0; i < 20; i++) {
                String text = random.nextBoolean() ? lines.decimalText() : lines.floatText();
                byte[] bytes = text.getBytes(UTF_8);

                double parsed = FieldNumbers.parseFloat(bytes, 0, bytes.length);

                assertThat(Double.doubleToRawLongBits(parsed)).as(text)
                        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
            }
        });
    }

    @Test
    void integers_and_unsigned_integers_read_as_big_integers_round_to_doubles() {
        CASES.forEach(random -> {
            long value = random.nextLong() >> random.nextInt(64);
            byte[] signed = Long.toString(value).getBytes(UTF_8);
            String unsignedText = Long.toUnsignedString(value);
            byte[] unsigned = unsignedText.getBytes(UTF_8);

            assertThat(FieldNumbers.parseInteger(signed, 0, signed.length)).isEqualTo(BigInteger.valueOf(value).doubleValue());
            assertThat(FieldNumbers.parseUnsigned(unsigned, 0, unsigned.length))
                    .isEqualTo(new BigInteger(unsignedText).doubleValue());
            byte[] beyond = BigInteger.valueOf(value).abs().add(BigInteger.ONE).shiftLeft(64).toString().getBytes(UTF_8);
            assertThat(FieldNumbers.parseInteger(beyond, 0, beyond.length)).isInfinite();
            assertThat(FieldNumbers.parseUnsigned(beyond, 0, beyond.length)).isInfinite();
        });
    }

    @Test
    void a_bad_line_among_valid_ones_is_named_by_its_number_and_the_others_are_read() {
        byte[][] badLines = { "m".getBytes(UTF_8), "m v=".getBytes(UTF_8), "m v=abc".getBytes(UTF_8),
                "m v=1 x".getBytes(UTF_8), "m,t v=1".getBytes(UTF_8), "m v=\"open".getBytes(UTF_8),
                "m v=NaN".getBytes(UTF_8), "m v=9223372036854775808i".getBytes(UTF_8), "m v=1,v=2".getBytes(UTF_8),
                { 'm', (byte) 0xC3, ' ', 'v', '=', '1' }, "m v=1 99999999999999999999".getBytes(UTF_8) };
        CASES.forEach(random -> {
            Precision precision = RandomLines.anyPrecision(random);
            RandomLines lines = new RandomLines(random, precision, NOW);
            int count = 1 + random.nextInt(8);
            int bad = 1 + random.nextInt(count);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            List<ParsedLine> expected = new ArrayList<>();
            for (int number = 1; number <= count; number++) {
                if (number == bad) {
                    body.writeBytes(badLines[random.nextInt(badLines.length)]);
                } else {
                    StringBuilder text = new StringBuilder();
                    expected.add(lines.dataLine(number, text));
                    body.writeBytes(text.toString().getBytes(UTF_8));
                }
                body.writeBytes(random.nextBoolean() ? new byte[] { '\r', '\n' } : new byte[] { '\n' });
            }

            ParsedLines parsed = PARSER.parse(body.toByteArray(), precision, NOW);

            String text = body.toString(UTF_8);
            assertThat(parsed.violations()).as(text).extracting(Violation::line).containsExactly(bad);
            assertThat(parsed.badLineCount()).isEqualTo(1);
            assertThat(parsed.lines()).as(text).isEqualTo(expected);
        });
    }

    @Test
    void random_bytes_never_make_it_throw_and_every_bad_line_is_accounted_for() {
        CASES.forEach(random -> {
            byte[] body = new byte[random.nextInt(160)];
            for (int i = 0; i < body.length; i++) {
                body[i] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256)
                        : INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)]);
            }
            checkCleanResult(body, RandomLines.anyPrecision(random), random);
        });
    }

    @Test
    void valid_bodies_with_random_damage_never_make_it_throw() {
        CASES.forEach(random -> {
            Precision precision = RandomLines.anyPrecision(random);
            byte[] valid = new RandomLines(random, precision, NOW).body(4).bytes();
            ByteArrayOutputStream damaged = new ByteArrayOutputStream();
            for (byte b : valid) {
                int roll = random.nextInt(40);
                if (roll == 0) {
                    continue;
                }
                if (roll == 1) {
                    damaged.write(INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)]);
                    continue;
                }
                if (roll == 2) {
                    damaged.write(random.nextInt(256));
                }
                damaged.write(b);
            }
            checkCleanResult(damaged.toByteArray(), precision, random);
        });
    }

    @Test
    void a_parser_shared_by_threads_answers_as_a_new_parser_does() throws Exception {
        int threads = 4;
        // Every thread draws the same bodies (the same seeds), so they race for the same cache entries.
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> CASES.forEach(random -> {
                    if (random.nextInt(threads) != 0) {
                        return;
                    }
                    Precision precision = RandomLines.anyPrecision(random);
                    RandomLines.Body body = new RandomLines(random, precision, NOW).body(20);

                    assertThat(PARSER.points(body.bytes(), precision, NOW)).as(body.text())
                            .isEqualTo(new LineProtocolParser().points(body.bytes(), precision, NOW));
                })));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
    }

    @Test
    void long_bodies_of_bad_lines_list_100_and_count_all() {
        CASES.forEach(random -> {
            if (random.nextInt(50) != 0) {
                return;
            }
            int count = 101 + random.nextInt(300);
            StringBuilder body = new StringBuilder();
            int bad = 0;
            for (int i = 0; i < count; i++) {
                boolean isBad = random.nextBoolean();
                bad += isBad ? 1 : 0;
                body.append(isBad ? "m v=x\n" : "m v=1\n");
            }

            ParsedLines parsed = PARSER.parse(body.toString().getBytes(UTF_8), Precision.NANOSECONDS, NOW);

            assertThat(parsed.badLineCount()).isEqualTo(bad);
            assertThat(parsed.violations()).hasSize(Math.min(bad, Violations.MAX_LISTED));
            assertThat(parsed.lines()).hasSize(count - bad);
        });
    }

    /** The result is whole and consistent whatever the input: numbered lines, ordered violations, counts that add up. */
    private static void checkCleanResult(byte[] body, Precision precision, Random random) {
        Instant defaultTime = Instant.ofEpochSecond(random.nextLong(-1L << 33, 1L << 33), random.nextInt(1_000_000_000));
        String shown = new String(body, UTF_8);
        ParsedLines parsed = PARSER.parse(body, precision, defaultTime);
        int newlines = 0;
        for (byte b : body) {
            newlines += b == '\n' ? 1 : 0;
        }
        int lineCount = newlines + 1;

        assertThat(parsed.violations()).as(shown).hasSizeLessThanOrEqualTo(Violations.MAX_LISTED);
        assertThat(parsed.badLineCount()).as(shown).isGreaterThanOrEqualTo(parsed.violations().size());
        assertThat(parsed.badLineCount() + parsed.lines().size()).as(shown).isLessThanOrEqualTo(lineCount);
        assertThat(parsed.violations()).as(shown).allSatisfy(violation -> {
            assertThat(violation.line()).isBetween(1, lineCount);
            assertThat(violation.message()).isNotBlank().doesNotContain("\n", "\r", "Exception");
        });
        assertThat(parsed.violations()).extracting(Violation::line).as(shown).doesNotHaveDuplicates().isSorted();
        List<Integer> readLines = parsed.lines().stream().map(ParsedLine::lineNumber).toList();
        assertThat(readLines).as(shown).doesNotHaveDuplicates().isSorted();
        assertThat(parsed.violations()).as(shown).noneMatch(violation -> readLines.contains(violation.line()));
        for (ParsedLine line : parsed.lines()) {
            assertThat(line.fields()).as(shown).isNotEmpty().allSatisfy(field -> {
                if (field instanceof LineField.Numeric numeric) {
                    assertThat(numeric.value()).isFinite();
                }
            });
        }

        LinePoints points = PARSER.points(body, precision, defaultTime);

        assertThat(points.violations()).as(shown).hasSizeLessThanOrEqualTo(Violations.MAX_LISTED);
        assertThat(points.badLineCount()).as(shown).isGreaterThanOrEqualTo(parsed.badLineCount());
        assertThat(points.violations()).extracting(Violation::line).as(shown).doesNotHaveDuplicates().isSorted();
    }
}
