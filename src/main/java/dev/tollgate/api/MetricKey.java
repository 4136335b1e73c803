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

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }
}
