package dev.vocloop.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The platform started exactly as {@code ./vocloop up} starts it (the launcher jar, which starts the
 * stores and four service processes), on free ports and in a folder of the test's own.
 */
final class RunningPlatform implements AutoCloseable {

    static final String ADMIN_KEY = "vl_admin_e2e_" + Long.toHexString(System.nanoTime());

    private final Process launcher;
    private final Path home;
    private final Map<String, Integer> ports;
    private final List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    private RunningPlatform(Process launcher, Path home, Map<String, Integer> ports) {
        this.launcher = launcher;
        this.home = home;
        this.ports = ports;
        Thread reader = new Thread(this::readOutput, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * An {@code Authorization} value signed with the gateway's internal key from {@code home}, as
     * the gateway (or a second replica of it) signs for a caller (CONTRACT.md, Internal tokens).
     */
    static String internalToken(Path home, String subject, String role) throws IOException {
        return signedWith(home, "gateway", subject, role);
    }

    /** The same, signed with the pair {@code keys} ({@code gateway} or {@code service}) and named so in its kid. */
    static String signedWith(Path home, String keys, String subject, String role) throws IOException {
        String pem = java.nio.file.Files.readString(home.resolve("internal-jwt/" + keys + "-private.pem"));
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            java.security.PrivateKey key = java.security.KeyFactory.getInstance("RSA")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getDecoder().decode(base64)));
            org.jose4j.jwt.JwtClaims claims = new org.jose4j.jwt.JwtClaims();
            claims.setIssuer("vocloop-gateway");
            claims.setAudience("vocloop-services");
            claims.setSubject(subject);
            claims.setStringListClaim("groups", role);
            claims.setStringListClaim("teams");
            claims.setIssuedAtToNow();
            claims.setExpirationTimeMinutesInTheFuture(10);
            org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key);
            jws.setAlgorithmHeaderValue(org.jose4j.jws.AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setHeader("typ", "JWT");
            jws.setKeyIdHeaderValue(keys);
            return "Bearer " + jws.getCompactSerialization();
        } catch (java.security.GeneralSecurityException | org.jose4j.lang.JoseException e) {
            throw new IllegalStateException("the platform's internal key does not load", e);
        }
    }

    /** Free ports for every part of the platform, kept for restarts in the same home. */
    static Map<String, Integer> freePorts() throws IOException {
        Map<String, Integer> ports = new HashMap<>();
        for (String name : List.of("GATEWAY", "FEEDBACK", "TICKET", "SURVEY", "PG", "MONGODB", "SMTP")) {
            try (ServerSocket s = new ServerSocket(0)) {
                ports.put(name, s.getLocalPort());
            }
        }
        return ports;
    }

    static RunningPlatform start(Path home, Map<String, Integer> ports) throws Exception {
        return start(home, ports, Map.of());
    }

    /**
     * Starts with further environment variables for the launcher (which passes its environment on to
     * the services) and further arguments after {@code up}, e.g. {@code --demo}.
     */
    static RunningPlatform start(Path home, Map<String, Integer> ports, Map<String, String> extraEnv, String... args)
            throws Exception {
        Path repo = repoRoot();
        Path target = repo.resolve("deploy/local/target");
        // The same command line as ./vocloop's last line.
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dvocloop.repo=" + repo, "-cp", target.resolve("local-platform.jar") + ":" + target.resolve("lib") + "/*",
                "dev.vocloop.local.Main", "up")
                .redirectErrorStream(true);
        pb.command().addAll(List.of(args));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("VOCLOOP_"));
        env.put("VOCLOOP_HOME", home.toString());
        env.put("VOCLOOP_ADMIN_KEY", ADMIN_KEY);
        ports.forEach((name, port) -> env.put("VOCLOOP_" + name + "_PORT", String.valueOf(port)));
        env.putAll(extraEnv);
        RunningPlatform platform = new RunningPlatform(pb.start(), home, ports);
        try {
            platform.ready.get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            platform.close();
            throw new AssertionError("the platform did not become ready:\n" + platform.output() + "\n" + platform.serviceLogs(), e);
        }
        return platform;
    }

    static Path repoRoot() {
        return Path.of(System.getProperty("vocloop.repo", "../..")).toAbsolutePath().normalize();
    }

    String gatewayUrl() {
        return "http://localhost:" + ports.get("GATEWAY");
    }

    Path home() {
        return home;
    }

    Map<String, Integer> ports() {
        return ports;
    }

    Process launcher() {
        return launcher;
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** The tail of every service log, for failure messages. */
    String serviceLogs() {
        StringBuilder s = new StringBuilder();
        for (String name : List.of("gateway", "feedback-service", "ticket-service", "survey-service")) {
            Path log = home.resolve("logs").resolve(name + ".log");
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                s.append("--- ").append(name).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()))).append('\n');
            } catch (IOException e) {
                s.append("--- ").append(name).append(": no log\n");
            }
        }
        return s.toString();
    }

    private void readOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                output.add(line);
                if (line.startsWith("VoC Loop is ready")) {
                    ready.complete(null);
                }
            }
        } catch (IOException ignored) {
            // the launcher ended
        }
        ready.completeExceptionally(new IllegalStateException("launcher ended before it was ready"));
    }

    /** Stops the launcher as Ctrl-C would (SIGTERM) and waits until it has ended. */
    @Override
    public void close() throws InterruptedException {
        launcher.destroy();
        if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            throw new AssertionError("the launcher did not stop within 60 s of SIGTERM");
        }
    }
}
