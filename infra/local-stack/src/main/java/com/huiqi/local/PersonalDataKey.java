package com.huiqi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local stand-in for the KMS key that encrypts personal data: a random AES-256 key, kept in the
 * stack's data folder (readable by its owner only) so that persisted data stays readable across
 * runs, and new with every in-memory run. It never leaves this machine and protects demo data only.
 */
final class PersonalDataKey {

    private static final String FILE = "personal-data.key";

    private PersonalDataKey() {
    }

    /** The key as base64, read from {@code workDir} or created there. */
    static String loadOrCreate(Path workDir) {
        Path file = workDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, encoded, StandardOpenOption.TRUNCATE_EXISTING);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
