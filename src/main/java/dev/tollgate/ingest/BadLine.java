package dev.tollgate.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Ends the reading of one line with what is wrong with it. It never leaves the parser: the
 * parser turns it into a violation and goes on with the next line. No stack trace: a body with
 * many bad lines should cost no more than one with good lines.
 */
final class BadLine extends RuntimeException {

    private static final int MAX_QUOTED = 40;

    BadLine(String message) {
        super(message, null, false, false);
    }

    /**
     * A piece of the line for a message, in single quotes: cut to a readable length, with control
     * characters written as escapes so that the message stays one printable line.
     */
    static String quote(byte[] bytes, int from, int to) {
        boolean cut = to - from > MAX_QUOTED * 4;
        return quote(new String(bytes, from, Math.min(to - from, MAX_QUOTED * 4), StandardCharsets.UTF_8), cut);
    }

    static String quote(String text) {
        return quote(text, false);
    }

    private static String quote(String text, boolean cut) {
        StringBuilder quoted = new StringBuilder(Math.min(text.length(), MAX_QUOTED) + 3).append('\'');
        int shown = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            if (shown == MAX_QUOTED) {
                cut = true;
                break;
            }
            int codePoint = text.codePointAt(i);
            if (codePoint < 0x20 || codePoint == 0x7F) {
                quoted.append(String.format("\\u%04X", codePoint));
            } else {
                quoted.appendCodePoint(codePoint);
            }
            shown++;
        }
        if (cut) {
            quoted.append('…');
        }
        return quoted.append('\'').toString();
    }
}
