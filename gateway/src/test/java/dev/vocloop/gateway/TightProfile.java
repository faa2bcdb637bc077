package dev.vocloop.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * One profile for the tests that need a harsher world, so that the suite restarts Quarkus only
 * once for them: feedback-service is down (nothing listens on its port) and the rate limits are
 * tiny (5 requests per key, 3 per client address, per 10 minutes), and console sessions end
 * after {@link #CONSOLE_IDLE} without a request.
 */
public class TightProfile implements QuarkusTestProfile {

    public static final int PER_KEY = 5;
    public static final int PER_ADDRESS = 3;
    public static final java.time.Duration CONSOLE_IDLE = java.time.Duration.ofSeconds(2);

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "vocloop.gateway.services.feedback.url", "http://127.0.0.1:" + freePort(),
                "vocloop.gateway.limits.per-key-requests", Integer.toString(PER_KEY),
                "vocloop.gateway.limits.per-key-period", "10m",
                "vocloop.gateway.limits.per-ip-requests", Integer.toString(PER_ADDRESS),
                "vocloop.gateway.limits.per-ip-period", "10m",
                "vocloop.gateway.console.session-idle-timeout", CONSOLE_IDLE.toMillis() + "ms");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
