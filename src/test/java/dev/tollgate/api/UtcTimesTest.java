package dev.tollgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.tollgate.testing.SeededCases;

/** The fast reading of {@code 2026-11-26T10:00:00Z} answers exactly what {@link OffsetDateTime#parse} does. */
class UtcTimesTest {

    private static final String NOISE = "0123456789-T:.Z+ tz";

    @Test
    void reads_every_instant_of_the_years_0_to_9999_as_the_full_parser_does() {
        SeededCases.named("utcTimes.valid", 20_000).forEach(random -> {
            String text = canonical(random);
            assertThat(UtcTimes.parse(text)).as(text).isNotNull().isEqualTo(OffsetDateTime.parse(text).toInstant());
        });
    }

    @Test
    void a_time_damaged_anywhere_is_read_as_the_full_parser_reads_it_or_refused_as_it_refuses_it() {
        SeededCases.named("utcTimes.damaged", 20_000).forEach(random -> {
            String text = damaged(canonical(random), random);
            Instant fast = UtcTimes.parse(text);
            if (fast != null) {
                assertThat(fast).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
            }
            assertThat(ApiTime.parseAnyYear(text)).as(text).isEqualTo(fullParser(text));
        });
    }

    @Test
    void fields_out_of_range_and_other_forms_are_left_to_the_full_parser() {
        for (String text : new String[] { "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T12:00:00Z",
            "2000-02-29T12:00:00Z", "2026-11-26T23:59:60Z", "2026-11-26T24:00:00Z", "2026-13-01T00:00:00Z",
            "2026-04-31T00:00:00Z", "2026-11-00T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "2026-11-26t10:00:00z", "2026-11-26T10:00:00.1234567891Z", "2026-11-26T10:00:00.Z", "2026-11-26T10:00Z",
            "2026-11-26T10:00:00+01:00", "2026-11-26T10:00:00.5-02:30", "+12026-11-26T10:00:00Z", "2026-11-26T10:00:00",
            "２０２６-11-26T10:00:00Z", " 2026-11-26T10:00:00Z " }) {
            Instant fast = UtcTimes.parse(text);
            if (fast != null) {
                assertThat(fast).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
            }
            assertThat(ApiTime.parseAnyYear(text)).as(text).isEqualTo(fullParser(text));
        }
        assertThat(UtcTimes.parse("2024-02-29T00:00:00Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        assertThat(UtcTimes.parse("2023-02-29T00:00:00Z")).isNull();
        assertThat(UtcTimes.parse("2026-11-26T10:00:00.5Z")).isEqualTo(Instant.parse("2026-11-26T10:00:00.500Z"));
    }

    /** What ApiTime read before the fast path: digits as epoch milliseconds, else the full parser. */
    private static Optional<Instant> fullParser(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (trimmed.chars().allMatch(Character::isDigit) && trimmed.length() <= 15) {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(trimmed)));
        }
        try {
            return Optional.of(OffsetDateTime.parse(trimmed).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A random instant of the years 0 to 9999, as Instant writes it with none to nine digits of fraction. */
    private static String canonical(Random random) {
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        Instant instant = Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)));
        String text = instant.toString();
        int digits = random.nextInt(10);
        if (digits == 0) {
            return text;
        }
        StringBuilder fraction = new StringBuilder(".");
        for (int i = 0; i < digits; i++) {
            fraction.append((char) ('0' + random.nextInt(10)));
        }
        return text.substring(0, text.length() - 1) + fraction + "Z";
    }

    /** The text with one to three characters replaced, removed or added. */
    private static String damaged(String text, Random random) {
        StringBuilder damaged = new StringBuilder(text);
        for (int times = 1 + random.nextInt(3); times > 0; times--) {
            int at = random.nextInt(damaged.length() + 1);
            char noise = NOISE.charAt(random.nextInt(NOISE.length()));
            switch (random.nextInt(3)) {
                case 0 -> {
                    if (at < damaged.length()) {
                        damaged.setCharAt(at, noise);
                    }
                }
                case 1 -> {
                    if (at < damaged.length()) {
                        damaged.deleteCharAt(at);
                    }
                }
                default -> damaged.insert(at, noise);
            }
        }
        return damaged.toString();
    }
}
