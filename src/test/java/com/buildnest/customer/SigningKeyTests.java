package com.buildnest.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTests {

    @Test
    void developmentKeyIsGeneratedOnceReadableByTheOwnerOnlyAndKeptAcrossRestarts(@TempDir Path data)
            throws IOException {
        Path file = data.resolve("keys").resolve("jwt-signing-key");
        SigningKey first = SigningKey.developmentKey(file);
        SigningKey afterRestart = SigningKey.developmentKey(file);

        assertThat(first.secret().getEncoded()).hasSize(64).isEqualTo(afterRestart.secret().getEncoded());
        assertThat(afterRestart.keyId()).isEqualTo(first.keyId());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void keyIdIsStableForTheSameSecretAndRevealsNothingOfIt() {
        String secret = Base64.getEncoder().encodeToString(new byte[64]);
        SigningKey key = SigningKey.fromBase64(secret);
        assertThat(SigningKey.fromBase64(secret).keyId()).isEqualTo(key.keyId()).hasSize(16);
        assertThat(key.toString()).doesNotContain(secret).contains(key.keyId());
    }

    @Test
    void secretShorterThan512BitsIsRefused() {
        assertThatThrownBy(() -> SigningKey.fromBase64(Base64.getEncoder().encodeToString(new byte[63])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("504 bits");
    }
}
