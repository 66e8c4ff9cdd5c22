package com.buildnest.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.buildnest.platform.PlatformProperties;
import com.buildnest.testing.BuildNestTest;

/** The embedded default's administrator exists, with an Argon2id hash of the password it printed. */
@BuildNestTest
class DemoAdministratorTests {

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    PlatformProperties platform;

    @Test
    void demoAdminCanBeVerifiedWithThePasswordKeptInTheDataDirectory() throws IOException {
        Account admin = accounts.findByUsername("admin").orElseThrow();
        Path passwordFile = platform.dataDir().resolve("demo-admin-password");
        String password = Files.readString(passwordFile).trim();

        assertThat(admin.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.STAFF);
        assertThat(admin.passwordHash()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(passwords.matches(password, admin.passwordHash())).isTrue();
        assertThat(passwords.matches(password + "x", admin.passwordHash())).isFalse();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
    }
}
