package dev.vocloop.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as its own JVM process from its packaged Quarkus application. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code <module>/target/quarkus-app/quarkus-run.jar} with the given environment; its
     * output goes to {@code logs/<name>.log} under the platform's home.
     */
    static ServiceProcess start(LocalConfig config, String name, int port, Map<String, String> env) throws IOException {
        return start(config, name, name, port, env);
    }

    /** Starts a service under another name, e.g. a second replica of the same module. */
    static ServiceProcess start(LocalConfig config, String module, String name, int port, Map<String, String> env)
            throws IOException {
        Path jar = config.repoRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new LaunchException(module + " is not built (" + jar + " is missing): run ./vocloop up, which builds it");
        }
        Path log = config.home().resolve("logs").resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(config.javaOptions().trim().split("\\s+")));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(config.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("HTTP_PORT", String.valueOf(port));
        return new ServiceProcess(name, port, builder.start(), log);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the service says it is ready, or fails naming the log to read. */
    void awaitReady(Instant deadline) throws InterruptedException {
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new LaunchException(name + " stopped during start-up (exit " + process.exitValue() + "); see " + log);
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new LaunchException(name + " was not ready in time; see " + log);
    }

    /** Ends the process at once (SIGKILL), as a crash would: no shutdown hooks, no clean-up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Asks the service to stop (SIGTERM), and kills it if it has not stopped within 15 seconds. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
