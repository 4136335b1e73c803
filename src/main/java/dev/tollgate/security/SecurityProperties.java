package dev.tollgate.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param bootstrapToken {@code TOLLGATE_BOOTSTRAP_TOKEN}: an admin token with this value exists after start-up
 * @param adminPassword  {@code TOLLGATE_ADMIN_PASSWORD}: the password of the UI user {@code admin}
 */
@ConfigurationProperties("tollgate")
record SecurityProperties(String bootstrapToken, String adminPassword) {

    SecurityProperties {
        bootstrapToken = blankToNull(bootstrapToken);
        adminPassword = blankToNull(adminPassword);
    }

    @Override
    public String toString() {
        return "SecurityProperties[bootstrapToken=" + (bootstrapToken == null ? "none" : "set") + ", adminPassword="
                + (adminPassword == null ? "none" : "set") + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
