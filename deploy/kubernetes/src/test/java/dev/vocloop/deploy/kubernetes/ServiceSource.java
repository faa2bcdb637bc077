package dev.vocloop.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's own code says about how it runs: read from its application.properties and pom,
 * so that the manifests are checked against the code and not against a copy of it.
 */
public record ServiceSource(String name, Path module, Properties properties, String pom) {

    /** The four services; their module folders carry the same names as their Deployments. */
    public static final List<String> NAMES = List.of("gateway", "feedback-service", "ticket-service", "survey-service");

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?}");
    private static final Pattern PORT_EXPRESSION = Pattern.compile("\\$\\{HTTP_PORT:(\\d+)}|(\\d+)");

    public static ServiceSource of(String name) {
        Path module = Manifests.repoRoot().resolve(name);
        Path file = module.resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String pom = Files.readString(module.resolve("pom.xml"));
            // The defaults every service behind the gateway shares come first; its own file overrides them.
            if (pom.contains("<artifactId>service-security</artifactId>")) {
                try (Reader shared = Files.newBufferedReader(Manifests.repoRoot()
                        .resolve("deploy/service-security/src/main/resources/META-INF/microprofile-config.properties"),
                        StandardCharsets.UTF_8)) {
                    properties.load(shared);
                }
            }
            properties.load(reader);
            return new ServiceSource(name, module, properties, pom);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sources of " + name, e);
        }
    }

    /** Every environment variable the service reads through a ${VAR} or ${VAR:default} expression. */
    public Set<String> environmentVariables() {
        Set<String> vars = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher m = ENV_REFERENCE.matcher(properties.getProperty(key));
            while (m.find()) {
                vars.add(m.group(1));
            }
        }
        return vars;
    }

    /** The port the service listens on in production: the default of quarkus.http.port. */
    public int httpPort() {
        String value = properties.getProperty("quarkus.http.port", "8080").strip();
        Matcher m = PORT_EXPRESSION.matcher(value);
        if (!m.matches()) {
            throw new IllegalStateException(name + ": quarkus.http.port=" + value + " is not ${HTTP_PORT:n} or n");
        }
        return Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
    }

    /** The container port quarkus-kubernetes generates, when the service sets it. */
    public Optional<Integer> kubernetesContainerPort() {
        return Optional.ofNullable(properties.getProperty("quarkus.kubernetes.ports.http.container-port"))
                .map(String::strip).map(Integer::valueOf);
    }

    /** Path of a SmallRye Health endpoint ("live", "ready", "started") as the service serves it. */
    public String healthPath(String check) {
        String root = trim(properties.getProperty("quarkus.http.non-application-root-path", "q"));
        String health = trim(properties.getProperty("quarkus.smallrye-health.root-path", "health"));
        String leaf = trim(properties.getProperty("quarkus.smallrye-health." + switch (check) {
            case "live" -> "liveness-path";
            case "ready" -> "readiness-path";
            case "started" -> "startup-path";
            default -> throw new IllegalArgumentException(check);
        }, check));
        return "/" + root + "/" + health + "/" + leaf;
    }

    /** Path of the Prometheus endpoint. */
    public String metricsPath() {
        String root = trim(properties.getProperty("quarkus.http.non-application-root-path", "q"));
        String metrics = trim(properties.getProperty("quarkus.micrometer.export.prometheus.path", "metrics"));
        return "/" + root + "/" + metrics;
    }

    /** Whether the module declares an extension (artifactId in its pom). */
    public boolean hasExtension(String artifactId) {
        return pom.contains("<artifactId>" + artifactId + "</artifactId>");
    }

    /** target/kubernetes/kubernetes.yml, present once the module has been packaged. */
    public Optional<Path> generatedKubernetesYaml() {
        Path p = module.resolve("target/kubernetes/kubernetes.yml");
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private static String trim(String path) {
        return path.strip().replaceAll("^/+|/+$", "");
    }
}
