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
 * The two key pairs of the internal tokens (CONTRACT.md, Internal tokens): the gateway's, which signs
 * callers, and the services', which signs their SERVICE hand-overs. Generated once and kept under
 * the platform's home ({@code internal-jwt/}, private keys readable by the owner only), so that a
 * restart keeps accepting the tokens of running clients. Never printed.
 *
 * @param gateway the gateway's pair: its private key goes to the gateway only
 * @param service the services' pair: its private key goes to the three services only
 */
record InternalJwtKeys(Pair gateway, Pair service) {

    /**
     * @param privateKeyPem PKCS#8 PEM, for whoever signs with it
     * @param publicKeyPem X.509 PEM, for the services that verify
     */
    record Pair(String privateKeyPem, String publicKeyPem) {

        @Override
        public String toString() {
            return "Pair[private key hidden]";
        }
    }

    static InternalJwtKeys resolve(Path home) {
        Path dir = home.resolve("internal-jwt");
        return new InternalJwtKeys(pair(dir, "gateway"), pair(dir, "service"));
    }

    private static Pair pair(Path dir, String name) {
        Path privateFile = dir.resolve(name + "-private.pem");
        Path publicFile = dir.resolve(name + "-public.pem");
        try {
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                return new Pair(Files.readString(privateFile, StandardCharsets.UTF_8),
                        Files.readString(publicFile, StandardCharsets.UTF_8));
            }
            Files.createDirectories(dir);
            KeyPair generated = generate();
            Pair keys = new Pair(pem("PRIVATE KEY", generated.getPrivate().getEncoded()),
                    pem("PUBLIC KEY", generated.getPublic().getEncoded()));
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
        return "InternalJwtKeys[private keys hidden]";
    }
}
