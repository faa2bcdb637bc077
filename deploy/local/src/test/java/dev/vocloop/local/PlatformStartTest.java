package dev.vocloop.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformStartTest {

    @TempDir
    Path home;

    @Test
    void portInUseIsNamedInOneSentenceAndNothingStarts() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(0));
            int port = busy.getLocalPort();
            LocalConfig config = LocalConfig.fromEnvironment(
                    Map.of("VOCLOOP_HOME", home.toString(), "VOCLOOP_GATEWAY_PORT", String.valueOf(port)), home);

            LaunchException e = assertThrows(LaunchException.class, () -> Platform.start(config));

            assertTrue(e.getMessage().startsWith("port " + port + " (gateway, VOCLOOP_GATEWAY_PORT) is already in use"),
                    e.getMessage());
            assertFalse(Files.exists(home.resolve("postgres")), "no store was started");
        }
    }

    @Test
    void samePortForTwoPartsIsRefused() {
        LocalConfig config = LocalConfig.fromEnvironment(Map.of("VOCLOOP_HOME", home.toString(),
                "VOCLOOP_FEEDBACK_PORT", "39111", "VOCLOOP_TICKET_PORT", "39111"), home);

        LaunchException e = assertThrows(LaunchException.class, () -> Platform.start(config));

        assertTrue(e.getMessage().contains("same port"), e.getMessage());
    }

    @Test
    void invalidPortVariableIsExplained() {
        LaunchException e = assertThrows(LaunchException.class,
                () -> LocalConfig.fromEnvironment(Map.of("VOCLOOP_SURVEY_PORT", "80a"), home));

        assertEquals("VOCLOOP_SURVEY_PORT must be a port number from 1 to 65535, not '80a'", e.getMessage());
    }

    @Test
    void externalStoresReplaceEmbeddedOnes() {
        LocalConfig config = LocalConfig.fromEnvironment(Map.of(
                "VOCLOOP_PG_URL", "jdbc:postgresql://db:5432/postgres",
                "VOCLOOP_MONGODB_URI", "mongodb://mongo:27017",
                "VOCLOOP_SMTP_HOST", "smtp.example.com"), home);

        assertEquals("jdbc:postgresql://db:5432/postgres", config.pgUrl());
        assertEquals("mongodb://mongo:27017", config.mongoUri());
        assertEquals(25, config.smtpPort(), "an external SMTP server defaults to port 25");
        assertEquals(home.resolve(".vocloop").toAbsolutePath(), config.home());
    }

    @Test
    void gatewayAllowsItsOwnAddressAndTheConfiguredOrigins() {
        LocalConfig plain = LocalConfig.fromEnvironment(Map.of("VOCLOOP_GATEWAY_PORT", "9090"), home);
        assertEquals("http://localhost:9090,http://127.0.0.1:9090", plain.gatewayCorsOrigins());

        LocalConfig embedded = LocalConfig.fromEnvironment(Map.of("VOCLOOP_CORS_ORIGINS", "https://shop.example.com"), home);
        assertEquals("http://localhost:8080,http://127.0.0.1:8080,https://shop.example.com", embedded.gatewayCorsOrigins());
    }

    @Test
    void adminKeyIsGeneratedOnceAndKept() {
        String first = AdminKey.resolve(null, home);
        String second = AdminKey.resolve(null, home);

        assertEquals(first, second);
        assertTrue(first.length() >= 40, "at least 256 random bits");
        assertEquals("given", AdminKey.resolve("given", home));
    }

    @Test
    void internalTokenKeysAreGeneratedOnceKeptPrivateAndNeverPrinted() throws Exception {
        InternalJwtKeys first = InternalJwtKeys.resolve(home);
        InternalJwtKeys second = InternalJwtKeys.resolve(home);

        assertEquals(first, second, "a restart keeps the keys");
        for (InternalJwtKeys.Pair pair : List.of(first.gateway(), first.service())) {
            assertTrue(pair.privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----"));
            assertTrue(pair.publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----"));
        }
        assertNotEquals(first.gateway().publicKeyPem(), first.service().publicKeyPem(), "two pairs, not one");
        for (String name : List.of("gateway", "service")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(home.resolve("internal-jwt/" + name + "-private.pem"))));
        }
        assertFalse(first.toString().contains("PRIVATE KEY-----\n"), "toString leaks the key");
    }
}
