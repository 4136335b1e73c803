package dev.tollgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tollgate.testing.TollgateProcess;

/**
 * Issue 6: no password in the logs. A first start without {@code TOLLGATE_ADMIN_PASSWORD}
 * generates the admin's password and leaves it where only Tollgate's own user can read it; the log
 * says where, never what.
 */
class GeneratedAdminPasswordIT {

    @Test
    void a_generated_admin_password_goes_to_an_owner_only_file_and_never_to_the_log() throws Exception {
        Path dataDir = Files.createTempDirectory("tollgate-admin-password-");
        try (TollgateProcess tollgate = TollgateProcess.start(TollgateProcess.jar(), dataDir, List.of(),
                "admin-password-test-token-0123456789abcdef")) {
            Path file = dataDir.resolve(SecurityStartup.PASSWORD_FILE);
            String password = Files.readString(file).strip();

            assertThat(password).hasSize(20);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            String log = Files.readString(dataDir.resolve("tollgate.log"));
            assertThat(log).contains(file.toString()).doesNotContain(password);
        }
    }
}
