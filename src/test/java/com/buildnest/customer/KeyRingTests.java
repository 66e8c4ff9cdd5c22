package com.buildnest.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.buildnest.testing.MovableClock;

class KeyRingTests {

    static final Duration GRACE = Duration.ofMinutes(15);

    @TempDir
    Path secrets;

    Path secretFile;
    MovableClock clock = new MovableClock(Instant.parse("2026-11-25T10:00:00Z"));
    KeyRing ring;
    String keyA;

    @BeforeEach
    void ringWithKeyA() throws IOException {
        secretFile = secrets.resolve("buildnest.customer.jwt.secret");
        Files.writeString(secretFile, randomSecret());
        ring = new KeyRing(new SigningKeySource(secretFile, null, null), clock, GRACE);
        keyA = ring.current().keyId();
    }

    @Test
    void unchangedSecretIsNoRotation() throws IOException {
        assertThat(ring.reload()).isEmpty();
        assertThat(ring.current().keyId()).isEqualTo(keyA);
    }

    @Test
    void replacedSecretBecomesCurrentAndTheOldKeyVerifiesUntilItsGraceEnds() throws IOException {
        Files.writeString(secretFile, randomSecret());
        KeyRing.Rotation rotation = ring.reload().orElseThrow();
        String keyB = ring.current().keyId();

        assertThat(rotation).isEqualTo(new KeyRing.Rotation(keyA, keyB));
        assertThat(ring.verificationKey(keyA)).isPresent();
        clock.advance(GRACE.minusSeconds(1));
        assertThat(ring.verificationKey(keyA)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(ring.verificationKey(keyA)).isEmpty();
        assertThat(ring.verificationKey(keyB)).isPresent();
    }

    @Test
    void unknownKeyIdVerifiesNothing() {
        assertThat(ring.verificationKey("ffffffffffffffff")).isEmpty();
    }

    @Test
    void emergencyRevocationDropsReplacedKeysAtOnce() throws IOException {
        Files.writeString(secretFile, randomSecret());
        ring.reload();
        String keyB = ring.current().keyId();

        assertThat(ring.revoke(clock.instant(), keyB)).isTrue();
        assertThat(ring.verificationKey(keyA)).isEmpty();
        assertThat(ring.verificationKey(keyB)).isPresent();
        assertThat(ring.revokedBefore()).isEqualTo(clock.instant());
    }

    @Test
    void keyThatARevocationDidNotTrustIsDroppedNotGracedWhenReplaced() throws IOException {
        ring.revoke(clock.instant(), "the-new-key-id");
        Files.writeString(secretFile, randomSecret());
        ring.reload();

        assertThat(ring.verificationKey(keyA)).as("the leaked key gets no grace").isEmpty();
    }

    @Test
    void olderRevocationIsNotAppliedAgain() {
        Instant now = clock.instant();
        assertThat(ring.revoke(now, keyA)).isTrue();
        assertThat(ring.revoke(now.minusSeconds(60), keyA)).isFalse();
        assertThat(ring.revokedBefore()).isEqualTo(now);
    }

    private static String randomSecret() {
        byte[] secret = new byte[64];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
