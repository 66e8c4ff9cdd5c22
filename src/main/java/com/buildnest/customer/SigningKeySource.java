package com.buildnest.customer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the current signing secret comes from: a mounted secret file (re-read at every reload, so
 * replacing it rotates the key), else the {@code buildnest.customer.jwt.secret} setting, else — in
 * the embedded default only — a development key generated into the data directory.
 */
final class SigningKeySource {

    private final Path secretFile;
    private final String secret;
    private final Path developmentFile;

    SigningKeySource(Path secretFile, String secret, Path developmentFile) {
        this.secretFile = secretFile;
        this.secret = secret;
        this.developmentFile = developmentFile;
    }

    SigningKey read() throws IOException {
        if (secretFile != null && Files.exists(secretFile)) {
            return SigningKey.fromBase64(Files.readString(secretFile));
        }
        if (secret != null && !secret.isBlank()) {
            return SigningKey.fromBase64(secret);
        }
        return SigningKey.developmentKey(developmentFile);
    }

    String describe() {
        if (secretFile != null && Files.exists(secretFile)) {
            return "the secret file " + secretFile;
        }
        return secret != null && !secret.isBlank() ? "buildnest.customer.jwt.secret"
                : "the development key in " + developmentFile;
    }
}
