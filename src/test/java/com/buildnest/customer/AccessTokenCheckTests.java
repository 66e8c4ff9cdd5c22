package com.buildnest.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import com.buildnest.testing.MovableClock;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** The bearer-token check every signed-in request goes through, outside a running shop. */
class AccessTokenCheckTests {

    @TempDir
    Path directory;

    MovableClock clock = new MovableClock(Instant.parse("2026-11-26T10:00:00Z"));
    CustomerProperties properties;
    KeyRing ring;
    JwtDecoder decoder;

    @BeforeEach
    void shopKeys() throws IOException {
        properties = propertiesWith(Map.of());
        ring = new KeyRing(new SigningKeySource(null, null, directory.resolve("jwt")), clock,
                properties.jwt().rotationGrace());
        decoder = new TokenConfiguration().jwtDecoder(ring, properties, clock);
    }

    @Test
    void aTokenOfOurOwnIsAcceptedWithItsIssuerAsWritten() {
        String token = new AccessTokenIssuer(ring, properties, clock).issue(42L, EnumSet.of(Role.CUSTOMER));

        assertThat(decoder.decode(token).getClaims())
                .containsEntry("iss", "buildnest")
                .containsEntry("sub", "42");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedEvenWithOurKey() {
        CustomerProperties elsewhere = propertiesWith(Map.of("buildnest.customer.jwt.issuer", "https://elsewhere.example"));
        String token = new AccessTokenIssuer(ring, elsewhere, clock).issue(42L, EnumSet.of(Role.CUSTOMER));

        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("iss");
    }

    /** A check runs on every request: one thrown and caught inside it costs every request its stack walk. */
    @Test
    void checkingATokenThrowsNothingInsideWhenTheTokenIsGood() throws IOException {
        String token = new AccessTokenIssuer(ring, properties, clock).issue(42L, EnumSet.of(Role.CUSTOMER));
        decoder.decode(token); // classes loaded and caches filled before the count

        List<RecordedEvent> thrown;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.JavaExceptionThrow");
            recording.start();
            for (int i = 0; i < 20; i++) {
                decoder.decode(token);
            }
            recording.stop();
            Path file = directory.resolve("exceptions.jfr");
            recording.dump(file);
            thrown = RecordingFile.readAllEvents(file);
        }

        long checkingThread = Thread.currentThread().getId();
        assertThat(thrown)
                .filteredOn(event -> event.getThread() != null && event.getThread().getJavaThreadId() == checkingThread)
                .extracting(event -> event.getClass("thrownClass").getName() + ": " + event.getString("message"))
                .isEmpty();
    }

    private static CustomerProperties propertiesWith(Map<String, String> settings) {
        MockEnvironment environment = new MockEnvironment();
        settings.forEach(environment::setProperty);
        return Binder.get(environment).bindOrCreate("buildnest.customer", CustomerProperties.class);
    }
}
