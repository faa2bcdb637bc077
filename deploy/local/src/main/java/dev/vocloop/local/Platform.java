package dev.vocloop.local;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform on one machine: the stores (embedded unless configured), then the four
 * services as separate processes wired to them and to each other. Closing it stops everything it
 * started, services first.
 */
public final class Platform implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final LocalConfig config;
    private final String adminKey;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private EmbeddedSmtpStore smtp;

    private Platform(LocalConfig config, String adminKey) {
        this.config = config;
        this.adminKey = adminKey;
    }

    /** Starts everything and returns once every service is ready. */
    public static Platform start(LocalConfig config) throws IOException, InterruptedException {
        Files.createDirectories(config.home().resolve("logs"));
        Ports.requireFree(portsToClaim(config));
        Platform platform = new Platform(config, AdminKey.resolve(config.adminKey(), config.home()));
        try {
            platform.startAll();
            return platform;
        } catch (IOException | InterruptedException | RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private static Map<Integer, String> portsToClaim(LocalConfig config) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(config.gatewayPort(), "gateway, VOCLOOP_GATEWAY_PORT");
        ports.put(config.feedbackPort(), "feedback-service, VOCLOOP_FEEDBACK_PORT");
        ports.put(config.ticketPort(), "ticket-service, VOCLOOP_TICKET_PORT");
        ports.put(config.surveyPort(), "survey-service, VOCLOOP_SURVEY_PORT");
        if (config.pgUrl() == null) {
            ports.put(config.pgPort(), "embedded PostgreSQL, VOCLOOP_PG_PORT");
        }
        if (config.mongoUri() == null) {
            ports.put(config.mongoPort(), "embedded MongoDB-wire server, VOCLOOP_MONGODB_PORT");
        }
        if (config.smtpHost() == null) {
            ports.put(config.smtpPort(), "embedded SMTP server, VOCLOOP_SMTP_PORT");
        }
        if (ports.size() < 4 + (config.pgUrl() == null ? 1 : 0) + (config.mongoUri() == null ? 1 : 0)
                + (config.smtpHost() == null ? 1 : 0)) {
            throw new LaunchException("two parts of the platform are set to the same port: " + ports);
        }
        return ports;
    }

    private void startAll() throws IOException, InterruptedException {
        EmbeddedPostgresStore pg = track(EmbeddedPostgresStore.start(config));
        EmbeddedMongoStore mongo = track(EmbeddedMongoStore.start(config));
        smtp = track(EmbeddedSmtpStore.start(config));

        InternalJwtKeys keys = InternalJwtKeys.resolve(config.home());
        // The services sign their hand-overs with the services' key and verify both keys; the
        // gateway signs callers with its own key and gets nothing else (CONTRACT.md, Internal tokens).
        Map<String, String> urls = Map.of(
                "FEEDBACK_SERVICE_URL", "http://127.0.0.1:" + config.feedbackPort(),
                "TICKET_SERVICE_URL", "http://127.0.0.1:" + config.ticketPort(),
                "SURVEY_SERVICE_URL", "http://127.0.0.1:" + config.surveyPort(),
                "PUBLIC_BASE_URL", config.gatewayUrl());
        Map<String, String> serviceKeys = Map.of(
                "INTERNAL_JWT_PRIVATE_KEY", keys.service().privateKeyPem(),
                "GATEWAY_JWT_PUBLIC_KEY", keys.gateway().publicKeyPem(),
                "SERVICE_JWT_PUBLIC_KEY", keys.service().publicKeyPem());

        Map<String, String> feedback = new HashMap<>(urls);
        feedback.putAll(serviceKeys);
        feedback.put("MONGODB_URI", mongo.uri());
        feedback.put("MONGODB_DATABASE", "vocloop_feedback");

        Map<String, String> ticket = withDatabase(urls, pg, "vocloop_ticket");
        ticket.putAll(serviceKeys);

        Map<String, String> survey = withDatabase(urls, pg, "vocloop_survey");
        survey.putAll(serviceKeys);
        survey.put("SMTP_HOST", smtp.host());
        survey.put("SMTP_PORT", String.valueOf(smtp.port()));

        Map<String, String> gateway = withDatabase(urls, pg, "vocloop_gateway");
        gateway.put("INTERNAL_JWT_PRIVATE_KEY", keys.gateway().privateKeyPem());
        gateway.put("VOCLOOP_ADMIN_KEY", adminKey);
        gateway.put("CORS_ORIGINS", config.gatewayCorsOrigins());

        environments.put("feedback-service", feedback);
        environments.put("ticket-service", ticket);
        environments.put("survey-service", survey);
        environments.put("gateway", gateway);
        // Start all four at once: on two cores the JVMs overlap their start-up well enough.
        services.add(track(ServiceProcess.start(config, "feedback-service", config.feedbackPort(), feedback)));
        services.add(track(ServiceProcess.start(config, "ticket-service", config.ticketPort(), ticket)));
        services.add(track(ServiceProcess.start(config, "survey-service", config.surveyPort(), survey)));
        services.add(track(ServiceProcess.start(config, "gateway", config.gatewayPort(), gateway)));
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        for (ServiceProcess service : services) {
            service.awaitReady(deadline);
        }
    }

    private Map<String, String> withDatabase(Map<String, String> base, EmbeddedPostgresStore pg, String database) {
        Map<String, String> env = new HashMap<>(base);
        env.put("DB_URL", pg.urlOf(database));
        env.put("DB_USER", pg.user());
        env.put("DB_PASSWORD", pg.password());
        return env;
    }

    private <T extends AutoCloseable> T track(T part) {
        started.add(part);
        return part;
    }

    public LocalConfig config() {
        return config;
    }

    public String adminKey() {
        return adminKey;
    }

    /** Process ids of the running services, for whoever must check that nothing is left behind. */
    public List<Long> servicePids() {
        return services.stream().map(ServiceProcess::pid).toList();
    }

    /**
     * Kills a running service or replica at once (SIGKILL), as a crash would. For fault tests.
     *
     * @param name a module name, or the name given to {@link #startReplica}
     */
    public void kill(String name) throws InterruptedException {
        service(name).kill();
    }

    /** Starts a service again after {@link #kill}, with the same port and environment, and waits until it is ready. */
    public void restart(String name) throws IOException, InterruptedException {
        ServiceProcess old = service(name);
        old.close();
        String module = name.replaceFirst("#\\d+$", "");
        Map<String, String> env = environments.get(name);
        ServiceProcess fresh = ServiceProcess.start(config, module, name, old.port(), env);
        replace(old, fresh);
        fresh.awaitReady(Instant.now().plus(READY_TIMEOUT));
    }

    /**
     * Starts another replica of a service against the same stores, named {@code module#n}, with
     * some environment variables changed (e.g. which replica of another service it calls).
     */
    public String startReplica(String module, int port, Map<String, String> overrides)
            throws IOException, InterruptedException {
        String name = module + "#" + (services.stream().filter(s -> s.name().startsWith(module)).count() + 1);
        Map<String, String> env = new HashMap<>(environments.get(module));
        env.putAll(overrides);
        environments.put(name, env);
        ServiceProcess replica = track(ServiceProcess.start(config, module, name, port, env));
        services.add(replica);
        replica.awaitReady(Instant.now().plus(READY_TIMEOUT));
        return name;
    }

    /** Stops the embedded SMTP server, as an outage would. For fault tests. */
    public void stopSmtp() {
        smtp.stopServer();
    }

    /** Starts the embedded SMTP server again on the same port. */
    public void startSmtp() {
        smtp.startServer();
    }

    private ServiceProcess service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service named " + name));
    }

    private void replace(ServiceProcess old, ServiceProcess fresh) {
        services.set(services.indexOf(old), fresh);
        started.set(started.indexOf(old), fresh);
    }

    /** What a user needs to start using the platform. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append('\n');
        s.append("  Gateway (public API, console) ").append(config.gatewayUrl()).append('\n');
        s.append("  API description                ").append(config.gatewayUrl()).append("/q/openapi\n");
        for (ServiceProcess service : services) {
            if (!service.name().equals("gateway")) {
                s.append(String.format("  %-30s http://localhost:%d/q/openapi%n", service.name() + " OpenAPI", service.port()));
            }
        }
        s.append("  Data, logs                     ").append(config.home()).append('\n');
        if (config.smtpHost() == null) {
            s.append("  E-mails sent to customers      ").append(config.home().resolve("mail")).append('\n');
        }
        s.append("\n  Admin API key: ").append(adminKey).append('\n');
        s.append("  Try: curl -H 'Authorization: Bearer ").append(adminKey).append("' ")
                .append(config.gatewayUrl()).append("/api/v1/tickets\n\n");
        s.append("Press Ctrl-C to stop everything.");
        return s.toString();
    }

    @Override
    public void close() {
        // Services first, so none of them sees its store vanish while it still works.
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
        started.clear();
    }
}
