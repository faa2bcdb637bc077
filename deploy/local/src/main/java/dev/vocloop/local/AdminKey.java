package dev.vocloop.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The bootstrap admin key: given by the user, or generated once and kept under the platform's home. */
final class AdminKey {

    private AdminKey() {
    }

    static String resolve(String configured, Path home) {
        if (configured != null) {
            return configured;
        }
        Path file = home.resolve("admin-key");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = "vl_admin_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the home folder's own permissions protect it
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write " + file, e);
        }
    }
}
