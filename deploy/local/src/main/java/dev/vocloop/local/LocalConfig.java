package dev.vocloop.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the local platform can be told, read from environment variables. Each embedded
 * store is replaced by a real one when its variable is set.
 *
 * @param home where data, logs, mail and the admin key live ({@code VOCLOOP_HOME}, default {@code ./.vocloop})
 * @param repoRoot the project folder holding the built services
 * @param gatewayPort public port of the gateway ({@code VOCLOOP_GATEWAY_PORT}, 8080)
 * @param feedbackPort feedback-service port ({@code VOCLOOP_FEEDBACK_PORT}, 8081)
 * @param ticketPort ticket-service port ({@code VOCLOOP_TICKET_PORT}, 8082)
 * @param surveyPort survey-service port ({@code VOCLOOP_SURVEY_PORT}, 8083)
 * @param pgUrl external PostgreSQL admin JDBC URL ({@code VOCLOOP_PG_URL}); null for the embedded one
 * @param pgUser user for {@code pgUrl} ({@code VOCLOOP_PG_USER})
 * @param pgPassword password for {@code pgUrl} ({@code VOCLOOP_PG_PASSWORD})
 * @param pgPort port of the embedded PostgreSQL ({@code VOCLOOP_PG_PORT}, 15432)
 * @param mongoUri external MongoDB ({@code VOCLOOP_MONGODB_URI}); null for the embedded one
 * @param mongoPort port of the embedded MongoDB-wire server ({@code VOCLOOP_MONGODB_PORT}, 27018)
 * @param smtpHost external SMTP host ({@code VOCLOOP_SMTP_HOST}); null for the embedded one
 * @param smtpPort SMTP port: of the external server (default 25) or of the embedded one (default 2525)
 * @param adminKey the bootstrap admin key ({@code VOCLOOP_ADMIN_KEY}); null to generate one once
 * @param javaOptions JVM options for every service ({@code VOCLOOP_JAVA_OPTS})
 * @param corsOrigins further origins, comma-separated, whose pages may call the API from a browser
 *     (e.g. where the in-app widget is embedded; {@code VOCLOOP_CORS_ORIGINS}); the gateway's own
 *     address is always allowed
 */
public record LocalConfig(Path home, Path repoRoot, int gatewayPort, int feedbackPort, int ticketPort, int surveyPort,
        String pgUrl, String pgUser, String pgPassword, int pgPort, String mongoUri, int mongoPort,
        String smtpHost, int smtpPort, String adminKey, String javaOptions, String corsOrigins) {

    public static LocalConfig fromEnvironment(Map<String, String> env, Path repoRoot) {
        String smtpHost = blankToNull(env.get("VOCLOOP_SMTP_HOST"));
        return new LocalConfig(
                Path.of(env.getOrDefault("VOCLOOP_HOME", repoRoot.resolve(".vocloop").toString())).toAbsolutePath(),
                repoRoot,
                port(env, "VOCLOOP_GATEWAY_PORT", 8080),
                port(env, "VOCLOOP_FEEDBACK_PORT", 8081),
                port(env, "VOCLOOP_TICKET_PORT", 8082),
                port(env, "VOCLOOP_SURVEY_PORT", 8083),
                blankToNull(env.get("VOCLOOP_PG_URL")),
                env.getOrDefault("VOCLOOP_PG_USER", "postgres"),
                env.getOrDefault("VOCLOOP_PG_PASSWORD", ""),
                port(env, "VOCLOOP_PG_PORT", 15432),
                blankToNull(env.get("VOCLOOP_MONGODB_URI")),
                port(env, "VOCLOOP_MONGODB_PORT", 27018),
                smtpHost,
                port(env, "VOCLOOP_SMTP_PORT", smtpHost == null ? 2525 : 25),
                blankToNull(env.get("VOCLOOP_ADMIN_KEY")),
                env.getOrDefault("VOCLOOP_JAVA_OPTS", "-XX:+UseSerialGC -Xmx512m -XX:TieredStopAtLevel=1"),
                blankToNull(env.get("VOCLOOP_CORS_ORIGINS")));
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    /** The gateway's CORS allow-list: its own address under both local names, then the configured origins. */
    public String gatewayCorsOrigins() {
        String own = gatewayUrl() + ",http://127.0.0.1:" + gatewayPort;
        return corsOrigins == null ? own : own + "," + corsOrigins;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new LaunchException(name + " must be a port number from 1 to 65535, not '" + value + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
