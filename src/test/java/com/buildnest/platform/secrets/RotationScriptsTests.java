package com.buildnest.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.buildnest.testing.OpsScript;

/**
 * The rotation scripts explain themselves, refuse what they do not understand before touching
 * anything, and change nothing under --dry-run. Their real runs are in the rotation tests beside
 * this one.
 */
class RotationScriptsTests {

    @Test
    void eachRotationScriptExplainsItself() throws Exception {
        assertThat(OpsScript.run("secrets/rotate-database-password.sh", "--help"))
                .contains("Usage: ops/secrets/rotate-database-password.sh", "--admin-defaults-file", "--kill-leftovers");
        assertThat(OpsScript.run("secrets/rotate-redis-password.sh", "--help"))
                .contains("Usage: ops/secrets/rotate-redis-password.sh", "--admin-password-file", "--switch-wait");
        assertThat(OpsScript.run("secrets/rotate-razorpay-secrets.sh", "--help"))
                .contains("Usage: ops/secrets/rotate-razorpay-secrets.sh", "--webhook-secret-file", "--simulated");
        assertThat(OpsScript.run("secrets/rotate-jwt-secret.sh", "--help"))
                .contains("Usage: ops/secrets/rotate-jwt-secret.sh", "buildnest.rotated-at.jwt");
    }

    @Test
    void theyRefuseWhatTheyCannotDoAndLeaveTheDirectoryAsItWas(@TempDir Path secrets, @TempDir Path operator)
            throws Exception {
        Path admin = Files.writeString(operator.resolve("admin.cnf"), "");
        assertThatThrownBy(() -> OpsScript.run("secrets/rotate-database-password.sh", "--secrets-dir",
                secrets.toString(), "--admin-defaults-file", admin.toString()))
                .as("no user in use written yet").hasMessageContaining("exited with 1");
        Files.writeString(secrets.resolve("spring.datasource.username"), "someone_else");
        assertThatThrownBy(() -> OpsScript.run("secrets/rotate-database-password.sh", "--secrets-dir",
                secrets.toString(), "--admin-defaults-file", admin.toString()))
                .as("the user in use is not one of the pair").hasMessageContaining("exited with 1");
        assertThatThrownBy(() -> OpsScript.run("secrets/rotate-redis-password.sh", "--secrets-dir",
                secrets.toString(), "--user", "default"))
                .as("the default user is not BuildNest's").hasMessageContaining("exited with 1");
        assertThatThrownBy(() -> OpsScript.run("secrets/rotate-redis-password.sh", "--secrets-dir",
                secrets.toString(), "--user", "buildnest", "--redis-url", "redis://user:secret@redis:6379"))
                .as("no credentials in the URL").hasMessageContaining("exited with 1");
        Path notAKeyId = Files.writeString(operator.resolve("key-id"), "pk_live_somebody_else");
        assertThatThrownBy(() -> OpsScript.run("secrets/rotate-razorpay-secrets.sh", "--secrets-dir",
                secrets.toString(), "--key-id-file", notAKeyId.toString(), "--key-secret-file", admin.toString()))
                .hasMessageContaining("exited with 1");
        assertThatThrownBy(() -> OpsScript.run("secrets/rotate-razorpay-secrets.sh", "--secrets-dir",
                secrets.toString())).as("nothing to rotate").hasMessageContaining("exited with 1");

        OpsScript.run("secrets/rotate-razorpay-secrets.sh", "--secrets-dir", secrets.toString(), "--simulated",
                "--dry-run");
        OpsScript.run("secrets/rotate-jwt-secret.sh", "--secrets-dir", secrets.toString(), "--dry-run");
        try (var files = Files.list(secrets)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("spring.datasource.username");
        }
    }
}
