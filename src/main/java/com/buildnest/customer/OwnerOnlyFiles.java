package com.buildnest.customer;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Small secrets the embedded default keeps in its data directory (the development signing key,
 * the demo admin's password): written to an owner-only temporary file first and then moved into
 * place, so nobody else can read them and nobody ever reads a half-written one.
 */
final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /** Writes {@code content} unless the file exists; returns whether this call wrote it. */
    static boolean createIfAbsent(Path file, String content) throws IOException {
        Path written = temporaryWith(file, content);
        try {
            Files.move(written, file);
            return true;
        } catch (FileAlreadyExistsException alreadyThere) {
            Files.deleteIfExists(written);
            return false;
        }
    }

    /** Writes {@code content}, replacing the file if it exists. */
    static void replace(Path file, String content) throws IOException {
        Files.move(temporaryWith(file, content), file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path temporaryWith(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary;
        try {
            temporary = Files.createTempFile(file.getParent(), ".tmp-", "",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            temporary = Files.createTempFile(file.getParent(), ".tmp-", "");
        }
        Files.writeString(temporary, content);
        return temporary;
    }
}
