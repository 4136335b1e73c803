package dev.tollgate.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tollgate.gate.GateTally;
import dev.tollgate.goals.GoalCategory;

class ScorecardCsvTest {

    private static ScorecardItem metric(String key, Double value, Double previous, ScorecardStatus status) {
        return new ScorecardItem(key, null, "Title of " + key, "count", value, previous, Judgement.deltaPct(value, previous),
                null, "LOWER", status, List.of(), null, null, null);
    }

    private static Scorecard card(List<ScorecardItem> operational, List<ScorecardItem> goals) {
        ScorecardItem none = metric("x", null, null, ScorecardStatus.NO_DATA);
        DoraScorecard dora = new DoraScorecard(none, none, none, none, none, 0, 0, 0);
        return new Scorecard("payments", null, "P7D", Instant.parse("2026-11-19T00:00:00Z"),
                Instant.parse("2026-11-26T00:00:00Z"), List.of(), operational, goals, List.of(), dora,
                new GateTally(5, 3, 1, 1, 0, 1));
    }

    @Test
    void each_figure_is_a_row_under_a_header_and_the_gate_tally_closes_it() {
        String csv = ScorecardCsv.of(card(List.of(metric("errors", 12.0, 10.0, ScorecardStatus.WATCH)), List.of()));

        assertThat(csv.split("\r\n")).startsWith(ScorecardCsv.HEADER,
                "operational,errors,Title of errors,count,12,10,20,,WATCH");
        assertThat(csv).contains("gates,evaluations,,count,5,,,,\r\n", "gates,overridden,,count,1,,,,\r\n");
    }

    @Test
    void text_with_commas_or_quotes_is_quoted_and_text_a_spreadsheet_would_run_is_defused() {
        ScorecardItem goal = new ScorecardItem(null, "launch", "=HYPERLINK(\"x\"), then \"more\"", null, 1.0, null, null,
                2.0, "HIGHER", ScorecardStatus.WATCH, List.of(), GoalCategory.FEATURES, LocalDate.parse("2026-12-31"),
                50.0);

        String csv = ScorecardCsv.of(card(List.of(), List.of(goal)));

        assertThat(csv).contains("inputGoals,launch,\"'=HYPERLINK(\"\"x\"\"), then \"\"more\"\"\",,1,,,2,WATCH");
    }

    @Test
    void negative_numbers_are_numbers_not_formulas() {
        assertThat(ScorecardCsv.field("-12.5")).isEqualTo("-12.5");
        assertThat(ScorecardCsv.field("-cmd")).isEqualTo("'-cmd");
    }
}
