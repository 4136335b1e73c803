package dev.tollgate.rules;

import java.time.Duration;

/** Durations in rule messages: as a person says them ("1 h 5 min"), or as a rule's params wrote them ("P7D"). */
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

    /** ISO-8601 as a rule would be written: whole days as days ({@code P7D}), not hours ({@code PT168H}). */
    static String iso(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds > 0 && seconds % 86_400 == 0 && duration.getNano() == 0 ? "P" + seconds / 86_400 + "D"
                : duration.toString();
    }
}
