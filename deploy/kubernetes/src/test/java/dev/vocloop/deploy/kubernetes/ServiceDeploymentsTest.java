package dev.vocloop.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four service Deployments, checked against each service's own code: the port it listens on,
 * the health paths SmallRye Health serves, the environment variables application.properties reads.
 * The Deployments are written by hand (so `kubectl apply -k` works from a checkout); this test is
 * what keeps them in sync with the code.
 */
class ServiceDeploymentsTest {

    /** Read by the JVM itself, not by application.properties. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    /** Non-heap headroom a Quarkus JVM needs beside the heap: metaspace, code cache, threads, buffers. */
    private static final long NON_HEAP_BYTES = 192L * 1024 * 1024;
    private static final Pattern MAX_RAM = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)");

    static Iterable<Object[]> variantsAndServices() {
        var list = new java.util.ArrayList<Object[]>();
        for (String v : Manifests.VARIANTS) {
            for (String s : ServiceSource.NAMES) {
                list.add(new Object[] {v, s});
            }
        }
        return list;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variantsAndServices")
    void listensOnThePortTheServiceServes(String variant, String service) {
        var r = Manifests.render(variant);
        var source = ServiceSource.of(service);
        Container c = Workload.named(r, service).main();
        int port = source.httpPort();
        ContainerPort http = c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(service + ": no container port named http"));
        assertEquals(port, http.getContainerPort(), service + ": container port vs quarkus.http.port default");
        source.kubernetesContainerPort().ifPresent(p -> assertEquals(p, http.getContainerPort(),
                service + ": container port vs quarkus.kubernetes.ports.http.container-port"));
        String httpPort = Workload.named(r, service).env(r).get("HTTP_PORT");
        assertEquals(String.valueOf(port), httpPort, service + ": HTTP_PORT must equal the container port");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variantsAndServices")
    void hasStartupLivenessAndReadinessProbesOnTheServedHealthPaths(String variant, String service) {
        var r = Manifests.render(variant);
        var source = ServiceSource.of(service);
        assertTrue(source.hasExtension("quarkus-smallrye-health"), service + " serves no health endpoints");
        Container c = Workload.named(r, service).main();
        assertProbe(c, c.getStartupProbe(), source.healthPath("started"), source.httpPort(), "startup");
        assertProbe(c, c.getLivenessProbe(), source.healthPath("live"), source.httpPort(), "liveness");
        assertProbe(c, c.getReadinessProbe(), source.healthPath("ready"), source.httpPort(), "readiness");
        // Liveness must not kill a pod that is still starting: the startup probe guards it.
        Probe startup = c.getStartupProbe();
        assertTrue(startup.getPeriodSeconds() * startup.getFailureThreshold() >= 60,
                service + ": the startup probe allows less than 60 s to start");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variantsAndServices")
    void matchesWhatQuarkusKubernetesGeneratesWhenTheServiceHasBeenPackaged(String variant, String service) {
        var source = ServiceSource.of(service);
        var generated = source.generatedKubernetesYaml();
        if (generated.isEmpty()) {
            // Only present after `package` of that module; the checks above read the same facts from the sources.
            return;
        }
        Container ours = Workload.named(Manifests.render(variant), service).main();
        var docs = dev.vocloop.deploy.kubernetes.render.Kustomize.readDocuments(generated.get());
        var deployment = docs.stream().filter(d -> d.path("kind").asText().equals("Deployment")).findFirst()
                .orElseThrow(() -> new AssertionError(generated.get() + " has no Deployment"));
        var theirs = deployment.path("spec").path("template").path("spec").path("containers").path(0);
        int port = theirs.path("ports").path(0).path("containerPort").asInt();
        assertEquals(port, ours.getPorts().get(0).getContainerPort(), service + ": port vs generated");
        assertEquals(theirs.path("livenessProbe").path("httpGet").path("path").asText(),
                ours.getLivenessProbe().getHttpGet().getPath(), service + ": liveness path vs generated");
        assertEquals(theirs.path("readinessProbe").path("httpGet").path("path").asText(),
                ours.getReadinessProbe().getHttpGet().getPath(), service + ": readiness path vs generated");
        if (theirs.has("startupProbe")) {
            assertEquals(theirs.path("startupProbe").path("httpGet").path("path").asText(),
                    ours.getStartupProbe().getHttpGet().getPath(), service + ": startup path vs generated");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variantsAndServices")
    void setsOnlyEnvironmentVariablesTheServiceReads(String variant, String service) {
        var r = Manifests.render(variant);
        Set<String> read = ServiceSource.of(service).environmentVariables();
        Set<String> unread = new TreeSet<>(Workload.named(r, service).envSources(r).keySet());
        unread.removeAll(read);
        unread.removeAll(JVM_VARIABLES);
        assertTrue(unread.isEmpty(), service + " (" + variant + ") sets variables its application.properties never reads: "
                + unread + "; it reads " + read);
    }

    /**
     * Variables that must be set in a pod because their local defaults (127.0.0.1, empty) cannot work
     * there: each service's store, the services it calls (CONTRACT.md), mail, public links and the
     * internal token keys (without them every service answers 401).
     */
    private static final Map<String, Set<String>> REQUIRED = Map.of(
            "gateway", Set.of("DB_URL", "DB_USER", "DB_PASSWORD", "VOCLOOP_ADMIN_KEY", "FEEDBACK_SERVICE_URL",
                    "TICKET_SERVICE_URL", "SURVEY_SERVICE_URL", "CORS_ORIGINS", "INTERNAL_JWT_PRIVATE_KEY"),
            "feedback-service", Set.of("MONGODB_URI", "MONGODB_DATABASE", "TICKET_SERVICE_URL",
                    "INTERNAL_JWT_PRIVATE_KEY", "GATEWAY_JWT_PUBLIC_KEY", "SERVICE_JWT_PUBLIC_KEY"),
            "ticket-service", Set.of("DB_URL", "DB_USER", "DB_PASSWORD", "SURVEY_SERVICE_URL",
                    "INTERNAL_JWT_PRIVATE_KEY", "GATEWAY_JWT_PUBLIC_KEY", "SERVICE_JWT_PUBLIC_KEY"),
            "survey-service", Set.of("DB_URL", "DB_USER", "DB_PASSWORD", "TICKET_SERVICE_URL", "FEEDBACK_SERVICE_URL",
                    "SMTP_HOST", "SMTP_PORT", "PUBLIC_BASE_URL", "INTERNAL_JWT_PRIVATE_KEY", "GATEWAY_JWT_PUBLIC_KEY", "SERVICE_JWT_PUBLIC_KEY"));

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variantsAndServices")
    void setsEveryVariableAPodNeedsWithCredentialsFromSecrets(String variant, String service) {
        var r = Manifests.render(variant);
        Map<String, String> sources = Workload.named(r, service).envSources(r);
        Set<String> read = ServiceSource.of(service).environmentVariables();
        for (String required : REQUIRED.get(service)) {
            assertTrue(read.contains(required), service + " no longer reads " + required + ": update REQUIRED and the manifests");
            assertTrue(sources.containsKey(required), service + " (" + variant + ") does not set " + required);
        }
        for (var e : sources.entrySet()) {
            if (e.getKey().matches(".*(PASSWORD|_KEY|SECRET|TOKEN).*")) {
                assertEquals("secret", e.getValue(), service + ": " + e.getKey() + " must come from a Secret");
            }
        }
        if (r.production()) {
            // Managed stores: their addresses carry credentials or hosts that are the operator's to keep.
            for (String store : Set.of("DB_URL", "DB_USER", "MONGODB_URI")) {
                if (sources.containsKey(store)) {
                    assertEquals("secret", sources.get(store), service + ": " + store + " must come from a Secret in production");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variantsAndServices")
    void sizesTheHeapToLeaveRoomBelowTheMemoryLimit(String variant, String service) {
        Container c = Workload.named(Manifests.render(variant), service).main();
        String options = c.getEnv().stream().filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS")).findFirst()
                .orElseThrow(() -> new AssertionError(service + ": no JAVA_TOOL_OPTIONS")).getValue();
        Matcher m = MAX_RAM.matcher(options);
        assertTrue(m.find(), service + ": JAVA_TOOL_OPTIONS has no -XX:MaxRAMPercentage");
        long limit = bytes(c.getResources().getLimits().get("memory"));
        long heap = (long) (limit * Double.parseDouble(m.group(1)) / 100);
        assertTrue(heap + NON_HEAP_BYTES <= limit, service + ": heap " + heap + " + non-heap leaves no room in " + limit);
        long request = bytes(c.getResources().getRequests().get("memory"));
        // Idle RSS measured: about 230 MB (Panache services), 120 MB (MongoDB service).
        long idle = (service.equals("feedback-service") ? 120L : 230L) * 1000 * 1000;
        assertTrue(request >= idle, service + ": memory request below the measured idle RSS");
        assertTrue(limit >= 2 * idle, service + ": memory limit leaves no room to work above idle");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variantsAndServices")
    void rollsOutWithoutLosingCapacityAndIsScrapedByPrometheus(String variant, String service) {
        var r = Manifests.render(variant);
        Deployment d = r.one(Deployment.class, service);
        var rolling = d.getSpec().getStrategy().getRollingUpdate();
        assertEquals("RollingUpdate", d.getSpec().getStrategy().getType());
        assertEquals(new IntOrString(0), rolling.getMaxUnavailable(), service + ": maxUnavailable");
        var preStop = d.getSpec().getTemplate().getSpec().getContainers().get(0).getLifecycle().getPreStop();
        assertTrue(preStop != null && preStop.getExec() != null, service + ": no preStop pause before shutdown");
        long pause = Long.parseLong(preStop.getExec().getCommand().get(1));
        assertTrue(pause > 0 && pause < d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds() - 10,
                service + ": the preStop pause must leave time for a graceful shutdown");
        Map<String, String> annotations = d.getSpec().getTemplate().getMetadata().getAnnotations();
        var source = ServiceSource.of(service);
        assertTrue(source.hasExtension("quarkus-micrometer-registry-prometheus"), service + " serves no metrics");
        assertEquals("true", annotations.get("prometheus.io/scrape"));
        assertEquals(source.metricsPath(), annotations.get("prometheus.io/path"));
        assertEquals(String.valueOf(source.httpPort()), annotations.get("prometheus.io/port"));
    }

    private static void assertProbe(Container c, Probe probe, String path, int port, String kind) {
        assertNotNull(probe, c.getName() + ": no " + kind + " probe");
        assertNotNull(probe.getHttpGet(), c.getName() + ": " + kind + " probe is not an HTTP GET");
        assertEquals(path, probe.getHttpGet().getPath(), c.getName() + ": " + kind + " probe path");
        IntOrString p = probe.getHttpGet().getPort();
        int resolved = p.getIntVal() != null ? p.getIntVal() : c.getPorts().stream()
                .filter(cp -> p.getStrVal().equals(cp.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(c.getName() + ": " + kind + " probe names unknown port " + p.getStrVal()))
                .getContainerPort();
        assertEquals(port, resolved, c.getName() + ": " + kind + " probe port");
        assertFalse("HTTPS".equals(probe.getHttpGet().getScheme()), c.getName() + ": the services serve plain HTTP");
    }

    static long bytes(Quantity q) {
        if (q == null) {
            fail("quantity missing");
        }
        return Quantity.getAmountInBytes(q).setScale(0, java.math.RoundingMode.UP).longValueExact();
    }

    static BigDecimal amount(Quantity q) {
        return Quantity.getAmountInBytes(q);
    }
}
