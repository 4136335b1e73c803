package dev.tollgate.delivery;

import java.util.regex.Pattern;

/**
 * The format of a deployment's {@code id}, the caller's idempotency key: UUIDs, run numbers and
 * run URLs fit. Tollgate generates a UUID for a deployment reported without one.
 */
public final class DeploymentKey {

    public static final int MAX_LENGTH = 128;
    public static final Pattern PATTERN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:/@+=#-]{0," + (MAX_LENGTH - 1) + "}$");
    public static final String DESCRIPTION = "1 to " + MAX_LENGTH
            + " characters of letters, digits and . _ : / @ + = # -, starting with a letter or digit";

    private DeploymentKey() {
    }
}
