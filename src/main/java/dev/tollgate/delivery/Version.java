package dev.tollgate.delivery;

import java.util.regex.Pattern;

/**
 * The format of a version label, as deployments, test runs and gate evaluations carry it:
 * semantic versions ({@code 1.4.2+build.7}), image tags, digests ({@code sha256:0b31…}), git
 * describes and branch-like labels ({@code release/2026.11}) all fit.
 */
public final class Version {

    public static final int MAX_LENGTH = 128;
    public static final Pattern PATTERN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._+:@/~-]{0," + (MAX_LENGTH - 1) + "}$");
    public static final String DESCRIPTION = "1 to " + MAX_LENGTH
            + " characters of letters, digits and . _ + : @ / ~ -, starting with a letter or digit";

    private Version() {
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }
}
