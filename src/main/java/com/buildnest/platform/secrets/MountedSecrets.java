package com.buildnest.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The mounted secrets directory ({@code buildnest.platform.secrets.dir}), read afresh at every
 * call: each file is named after the property it sets and holds its value, as Spring Boot's config
 * tree and a Kubernetes Secret volume lay it out. Without a directory every secret is absent and
 * the configured properties stay in force.
 *
 * <p>Next to the secrets, the rotation scripts write a rotation record per secret, the file
 * {@code buildnest.rotated-at.<secret>} holding the ISO-8601 instant of the rotation. Being part of
 * the same Secret, it survives restarts and reads the same on every replica.
 */
public final class MountedSecrets {

    /** Prefix of the rotation-record files the ops/secrets scripts write. */
    public static final String ROTATION_RECORD_PREFIX = "buildnest.rotated-at.";

    private final Path directory;

    public MountedSecrets(Path directory) {
        this.directory = directory;
    }

    /** Whether there is a secrets directory at all (production, drills); the embedded default has none. */
    public boolean mounted() {
        return directory != null;
    }

    /**
     * The value of the secret file {@code name} without a trailing newline (an empty file is an empty
     * value), or nothing if there is no such file.
     */
    public Optional<String> read(String name) {
        if (directory == null) {
            return Optional.empty();
        }
        try {
            String value = Files.readString(directory.resolve(name));
            return Optional.of(value.endsWith("\r\n") ? value.substring(0, value.length() - 2)
                    : value.endsWith("\n") ? value.substring(0, value.length() - 1) : value);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the secret file " + name, unreadable);
        }
    }

    /**
     * When {@code secret} was last rotated: its rotation record, or else the modification time of
     * the file holding it (a secret deployed before rotation records existed), or nothing.
     */
    public Optional<Instant> rotatedAt(RotatedSecret secret) {
        Optional<Instant> recorded = read(ROTATION_RECORD_PREFIX + secret.tag()).flatMap(MountedSecrets::instant);
        if (recorded.isPresent() || directory == null) {
            return recorded;
        }
        try {
            return Optional.of(Files.getLastModifiedTime(directory.resolve(secret.file())).toInstant());
        } catch (IOException absent) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text.strip()));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "MountedSecrets[" + directory + "]";
    }
}
