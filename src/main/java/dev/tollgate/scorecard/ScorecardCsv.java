package dev.tollgate.scorecard;

import java.util.List;

import dev.tollgate.gate.GateTally;

/**
 * A scorecard as CSV (RFC 4180): one row per figure, quadrant by quadrant, then DORA and the
 * gate's tally. Text that a spreadsheet would run as a formula is prefixed with a quote.
 */
final class ScorecardCsv {

    static final String HEADER = "section,key,title,unit,value,previous,deltaPct,target,status";

    private ScorecardCsv() {
    }

    static String of(Scorecard card) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        section(csv, "business", card.business());
        section(csv, "operational", card.operational());
        section(csv, "inputGoals", card.inputGoals());
        section(csv, "enablement", card.enablement());
        section(csv, "dora", card.dora().items());
        GateTally gates = card.gates();
        count(csv, "evaluations", gates.evaluations());
        count(csv, "promoted", gates.promoted());
        count(csv, "waited", gates.waited());
        count(csv, "stopped", gates.stopped());
        count(csv, "rolledBack", gates.rolledBack());
        count(csv, "overridden", gates.overridden());
        return csv.toString();
    }

    private static void section(StringBuilder csv, String section, List<ScorecardItem> items) {
        for (ScorecardItem item : items) {
            row(csv, section, item.key(), item.title(), item.unit(), number(item.value()), number(item.previous()),
                    number(item.deltaPct()), number(item.target()), item.status().name());
        }
    }

    private static void count(StringBuilder csv, String key, int count) {
        row(csv, "gates", key, null, "count", Integer.toString(count), "", "", "", "");
    }

    private static void row(StringBuilder csv, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields[i]));
        }
        csv.append("\r\n");
    }

    private static String number(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString(value.longValue()) : value.toString();
    }

    static String field(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text) ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
