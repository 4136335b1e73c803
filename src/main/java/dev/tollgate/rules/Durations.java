package dev.tollgate.rules;

import java.time.Duration;

/** Durations in rule messages, as a person says them: "1 h 5 min", "50 min", "12 s". */
final class Durations {

    private Durations() {
    }

    static String words(Duration duration) {
        long seconds = duration.toSeconds();
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        StringBuilder words = new StringBuilder();
        if (days > 0) {
            words.append(days).append(" d");
        }
        if (hours > 0) {
            words.append(words.isEmpty() ? "" : " ").append(hours).append(" h");
        }
        if (minutes > 0) {
            words.append(words.isEmpty() ? "" : " ").append(minutes).append(" min");
        }
        return words.isEmpty() ? seconds + " s" : words.toString();
    }
}
