package dev.tollgate.api;

import java.util.regex.Pattern;

/** The format of metric keys (API.md "Conventions"). */
public final class MetricKey {

    public static final int MAX_LENGTH = 128;
    public static final Pattern PATTERN = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.:-]{0," + (MAX_LENGTH - 1) + "}$");
    public static final String DESCRIPTION = "1 to " + MAX_LENGTH
            + " characters of letters, digits, '_', '.', ':' and '-', starting with a letter or '_'";

    private MetricKey() {
    }

    /** {@link #PATTERN}, without a regex: ingestion checks the key of every point. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !letterOrUnderscore(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!letterOrUnderscore(c) && !(c >= '0' && c <= '9') && c != '.' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrUnderscore(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
}
