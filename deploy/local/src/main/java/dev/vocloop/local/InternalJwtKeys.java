package dev.vocloop.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The key pair of the internal tokens (CONTRACT.md, Internal tokens): generated once and kept under
 * the platform's home ({@code internal-jwt/}, the private key readable by the owner only), so that
 * a restart keeps accepting the tokens of running clients. Never printed.
 *
 * @param privateKeyPem PKCS#8 PEM, for whoever signs (the gateway and the services' hand-overs)
 * @param publicKeyPem X.509 PEM, for the services that verify
 */
record InternalJwtKeys(String privateKeyPem, String publicKeyPem) {

    static InternalJwtKeys resolve(Path home) {
        Path dir = home.resolve("internal-jwt");
        Path privateFile = dir.resolve("private.pem");
        Path publicFile = dir.resolve("public.pem");
        try {
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                return new InternalJwtKeys(Files.readString(privateFile, StandardCharsets.UTF_8),
                        Files.readString(publicFile, StandardCharsets.UTF_8));
            }
            Files.createDirectories(dir);
            KeyPair pair = generate();
            InternalJwtKeys keys = new InternalJwtKeys(pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            // Written owner-only before the key goes in, so it is never readable by others.
            Files.writeString(privateFile, "", StandardCharsets.UTF_8);
            ownerOnly(privateFile);
            Files.writeString(privateFile, keys.privateKeyPem(), StandardCharsets.UTF_8);
            Files.writeString(publicFile, keys.publicKeyPem(), StandardCharsets.UTF_8);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the internal token keys in " + dir, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the home folder's own permissions protect it
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "InternalJwtKeys[private key hidden]";
    }
}
