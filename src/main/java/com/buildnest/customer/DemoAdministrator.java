package com.buildnest.customer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.platform.PlatformProperties;

/**
 * The demo administrator of the embedded default, so that someone trying BuildNest can sign in to
 * the admin side at once. Its password is generated on first start (never a well-known one), kept
 * next to the embedded database, and printed when the application is ready. Never active in prod.
 */
@Component
@ConditionalOnBooleanProperty("buildnest.customer.demo-admin")
class DemoAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";
    static final String EMAIL = "admin@buildnest.localhost";
    private static final Logger log = LoggerFactory.getLogger(DemoAdministrator.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Path passwordFile;
    private final Clock clock;

    DemoAdministrator(AccountRepository accounts, PasswordEncoder passwords, PlatformProperties platform,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.passwordFile = platform.dataDir().resolve("demo-admin-password");
        this.clock = clock;
    }

    /** Runs before the application reports ready, so the account exists by the time anyone can sign in. */
    @Override
    @Transactional
    public void run(ApplicationArguments arguments) throws IOException {
        if (!accounts.existsByUsername(USERNAME)) {
            String password = generatePassword();
            accounts.save(new Account(USERNAME, EMAIL, passwords.encode(password),
                    EnumSet.of(Role.ADMIN, Role.STAFF), clock.instant()));
            writePasswordFile(password);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() throws IOException {
        if (Files.exists(passwordFile)) {
            log.info("Demo admin login: username '{}', password '{}' (from {}; embedded default only)", USERNAME,
                    Files.readString(passwordFile).trim(), passwordFile);
        } else {
            log.info("Demo admin '{}' exists but {} is gone; delete the data directory to create a new one",
                    USERNAME, passwordFile);
        }
    }

    private static String generatePassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private void writePasswordFile(String password) throws IOException {
        OwnerOnlyFiles.replace(passwordFile, password + System.lineSeparator());
    }
}
