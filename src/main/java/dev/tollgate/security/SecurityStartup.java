package dev.tollgate.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can get in: the bootstrap token and the UI admin exist before the server
 * takes its first request. With no admin password configured, the admin's first password is
 * generated on the start that creates the admin and written to a file in the data folder that
 * only Tollgate's own user may read: never to the log, which is shipped and kept elsewhere.
 */
@Component
class SecurityStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SecurityStartup.class);
    static final String PASSWORD_FILE = "admin-password";
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final SecurityProperties properties;
    private final ApiTokens tokens;
    private final UserAccounts users;
    private final CurrentCaller callers;
    private final Path passwordFile;

    SecurityStartup(SecurityProperties properties, ApiTokens tokens, UserAccounts users, CurrentCaller callers,
            @Value("${tollgate.data-dir}") Path dataDir) {
        this.properties = properties;
        this.tokens = tokens;
        this.users = users;
        this.callers = callers;
        this.passwordFile = dataDir.toAbsolutePath().normalize().resolve(PASSWORD_FILE);
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
            writePasswordFile(generated);
        }
    }

    private void writePasswordFile(String password) {
        try {
            Files.createDirectories(passwordFile.getParent());
            Files.deleteIfExists(passwordFile);
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            try {
                Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(ownerOnly));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(passwordFile);
            }
            Files.writeString(passwordFile, password + System.lineSeparator());
            log.warn("Created the UI user 'admin' with a generated password, written to {} (readable by this user only). "
                    + "Set TOLLGATE_ADMIN_PASSWORD to choose it instead.", passwordFile);
        } catch (IOException e) {
            log.error("Created the UI user 'admin' with a generated password, but could not write it to {} ({}): "
                    + "set TOLLGATE_ADMIN_PASSWORD and restart to sign in as admin.", passwordFile, e.getMessage());
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
