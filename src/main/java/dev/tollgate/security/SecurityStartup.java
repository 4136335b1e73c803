package dev.tollgate.security;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can get in: the bootstrap token and the UI admin exist before the server
 * takes its first request. With no admin password configured, the admin's first password is
 * generated and printed once, on the start that creates the admin.
 */
@Component
class SecurityStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SecurityStartup.class);
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final SecurityProperties properties;
    private final ApiTokens tokens;
    private final UserAccounts users;
    private final CurrentCaller callers;

    SecurityStartup(SecurityProperties properties, ApiTokens tokens, UserAccounts users, CurrentCaller callers) {
        this.properties = properties;
        this.tokens = tokens;
        this.users = users;
        this.callers = callers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.adminPassword() != null && properties.adminPassword().length() < UserAccounts.MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("TOLLGATE_ADMIN_PASSWORD must be at least "
                    + UserAccounts.MIN_PASSWORD_LENGTH + " characters long");
        }
        callers.runAsSystem(() -> {
            try {
                ensureWayIn();
            } catch (DataIntegrityViolationException anotherNodeWasFaster) {
                // Nodes started together on one database race to create the same token and admin;
                // the loser finds them made and goes on.
                ensureWayIn();
            }
        });
    }

    private void ensureWayIn() {
        if (properties.bootstrapToken() != null) {
            tokens.ensureBootstrapToken(properties.bootstrapToken());
        }
        String generated = generatePassword();
        boolean created = users.ensureAdmin(properties.adminPassword(), generated);
        if (created && properties.adminPassword() == null) {
            log.warn("Created the UI user 'admin' with the generated password {} . It is shown this once; "
                    + "set TOLLGATE_ADMIN_PASSWORD to choose it instead.", generated);
        }
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
