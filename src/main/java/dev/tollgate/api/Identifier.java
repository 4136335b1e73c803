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

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }
}
