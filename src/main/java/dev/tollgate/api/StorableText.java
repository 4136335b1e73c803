package dev.tollgate.api;

/**
 * Text every store can keep as it was sent. JSON can carry a NUL ({@code \u0000}) and a lone
 * UTF-16 surrogate ({@code \ud800}); PostgreSQL refuses the first in text columns, and the second
 * has no UTF-8 form at all, so either would be stored mangled, or fail on one database and not
 * the other. Refused at the door instead, like any other bad input.
 */
public final class StorableText {

    public static final String DESCRIPTION = "must not contain a NUL character or an unpaired UTF-16 surrogate";

    private StorableText() {
    }

    public static boolean isValid(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
