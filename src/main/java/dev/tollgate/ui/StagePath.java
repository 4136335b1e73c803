package dev.tollgate.ui;

import java.util.List;
import java.util.regex.Pattern;

/** A service's promotion path as people type and read it: "beta, gamma, prod" and "beta → gamma → prod". */
final class StagePath {

    /** Commas, spaces and arrows ("->" or "→") all separate stages; '-' alone does not, ids may hold it. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:,|->|→)\\s*|\\s+");

    private StagePath() {
    }

    /** The stages in the order typed, empty items dropped. */
    static List<String> parse(String text) {
        if (text == null) {
            return List.of();
        }
        return SEPARATOR.splitAsStream(text.strip()).filter(stage -> !stage.isEmpty()).toList();
    }

    static String display(List<String> stages) {
        return String.join(" → ", stages);
    }

    static String editable(List<String> stages) {
        return String.join(", ", stages);
    }
}
