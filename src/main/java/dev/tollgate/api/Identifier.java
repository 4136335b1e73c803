package dev.tollgate.api;

import java.util.regex.Pattern;

/** The format of team, service, stage, rule and goal identifiers (API.md "Conventions"). */
public final class Identifier {

    public static final int MAX_LENGTH = 64;
    public static final Pattern PATTERN = Pattern.compile("^[a-z0-9][a-z0-9._-]{0," + (MAX_LENGTH - 1) + "}$");
    public static final String DESCRIPTION =
            "1 to " + MAX_LENGTH + " characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit";

    private Identifier() {
    }

    /** {@link #PATTERN}, without a regex: ingestion checks several identifiers of every point. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !lowerOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!lowerOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean lowerOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
