package com.buildnest.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import com.buildnest.testing.ApiClient;
import com.buildnest.testing.BuildNestTest;

/** An account hashed with older, weaker Argon2 settings is re-hashed at today's settings when it signs in. */
@BuildNestTest
class PasswordHashUpgradeTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccountRepository accounts;

    @Test
    void olderHashIsUpgradedAtSignIn() {
        String name = SignInAndSessionsTests.uniqueName();
        String legacy = new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode(SignInAndSessionsTests.PASSWORD);
        long id = accounts.save(new Account(name, name + "@x.in", legacy, EnumSet.of(Role.CUSTOMER), Instant.now()))
                .id();

        assertThat(api.postJson("/api/auth/login", """
                {"username": "%s", "password": "%s"}""".formatted(name, SignInAndSessionsTests.PASSWORD)).status())
                .isEqualTo(200);

        String upgraded = accounts.findById(id).orElseThrow().passwordHash();
        assertThat(legacy).startsWith("$argon2id$v=19$m=4096,t=1,p=1$");
        assertThat(upgraded).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(api.postJson("/api/auth/login", """
                {"username": "%s", "password": "%s"}""".formatted(name, SignInAndSessionsTests.PASSWORD)).status())
                .isEqualTo(200);
    }
}
