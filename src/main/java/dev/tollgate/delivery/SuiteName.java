package dev.tollgate.delivery;

import java.util.regex.Pattern;

/** The format of a test suite's name ({@code integration}, {@code e2e-checkout}, {@code com.acme.ApiTests}). */
public final class SuiteName {

    public static final int MAX_LENGTH = 128;
    public static final Pattern PATTERN = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.:/@-]{0," + (MAX_LENGTH - 1) + "}$");
    public static final String DESCRIPTION = "1 to " + MAX_LENGTH
            + " characters of letters, digits and _ . : / @ -, starting with a letter, digit or '_'";

    private SuiteName() {
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }
}
